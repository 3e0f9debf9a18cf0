using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;

namespace Graph.Api.Schema;

/// <summary>
/// The schema builder, taught to map SDL enum values such as <c>DECLINE_COMMENT</c> to C# members such as
/// <c>DeclineComment</c>; the stock builder only matches names ignoring case.
/// </summary>
/// <remarks>Fails at start-up when an SDL enum and its C# enum do not have the same values.</remarks>
public sealed class GraphSchemaBuilder : SchemaBuilder
{
    protected override EnumerationGraphType ToEnumerationType(GraphQLEnumTypeDefinition enumDef)
    {
        var configuration = Types.For(enumDef.Name.StringValue);
        var clrType = configuration.Type;
        if (clrType is not { IsEnum: true })
        {
            return base.ToEnumerationType(enumDef);
        }

        configuration.Type = null;
        try
        {
            var built = base.ToEnumerationType(enumDef);
            var members = Enum.GetNames(clrType).ToDictionary(Fold, name => name, StringComparer.Ordinal);
            var result = new EnumerationGraphType { Name = built.Name, Description = built.Description };
            foreach (var value in built.Values)
            {
                if (!members.Remove(Fold(value.Name), out var member))
                {
                    throw new InvalidOperationException($"The SDL enum value {built.Name}.{value.Name} has no member in {clrType.FullName}.");
                }

                result.Add(new EnumValueDefinition(value.Name, Enum.Parse(clrType, member))
                {
                    Description = value.Description,
                    DeprecationReason = value.DeprecationReason,
                });
            }

            if (members.Count > 0)
            {
                throw new InvalidOperationException($"{clrType.FullName} has members the SDL enum {built.Name} lacks: {string.Join(", ", members.Values)}.");
            }

            return result;
        }
        finally
        {
            configuration.Type = clrType;
        }
    }

    private static string Fold(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
}
