using Graph.Abstractions.Statements;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Graph.Api.Schema;

/// <summary>The <c>PartialDate</c> scalar: <c>2020</c>, <c>2020-06</c> or <c>2020-06-12</c>.</summary>
public sealed class PartialDateGraphType : ScalarGraphType
{
    public PartialDateGraphType()
    {
        Name = "PartialDate";
    }

    /// <remarks>
    /// Any string passes validation, so that an impossible date reaches <see cref="ParseLiteral"/>, whose error says
    /// what is wrong with it; the stock validation message would only say the value is not a PartialDate.
    /// </remarks>
    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLStringValue or GraphQLNullValue;

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => ParseValue((string)text.Value),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        PartialDate date => date,
        string text => PartialDate.Parse(text),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        PartialDate date => date.ToString(),
        _ => ThrowSerializationError(value),
    };
}
