using Graph.Projection.Reading;
using GraphQL;
using GraphQLParser.AST;

namespace Graph.Api.Statements;

/// <summary>
/// Which parts of its statements a query shows, read from the selection under a connection of statements
/// (<c>nodes { ... }</c> and <c>edges { node { ... } }</c>, through fragments), so the store reads only those.
/// </summary>
public static class StatementSelection
{
    public static StatementParts PartsOf(IResolveFieldContext context)
    {
        var parts = StatementParts.None;
        foreach (var connectionField in Fields(context.FieldAst.SelectionSet, context.Document))
        {
            var statementFields = connectionField.Name.StringValue switch
            {
                "nodes" => Fields(connectionField.SelectionSet, context.Document),
                "edges" => Fields(connectionField.SelectionSet, context.Document)
                    .Where(f => f.Name.StringValue == "node")
                    .SelectMany(node => Fields(node.SelectionSet, context.Document)),
                _ => [],
            };
            foreach (var field in statementFields)
            {
                parts |= field.Name.StringValue switch
                {
                    "quote" or "summary" or "retraction" => StatementParts.Texts,
                    "topics" => StatementParts.Topics,
                    "sources" => StatementParts.Sources,
                    "speaker" or "onBehalfOf" or "addressees" or "exemplars" or "beneficiaries" or "subjects" => StatementParts.Actors,
                    _ => StatementParts.None,
                };
            }
        }

        return parts;
    }

    // The fields of a selection set, those of its fragments included; @skip and @include are not read, so a field they
    // leave out is still read from the store, which costs a little and is never wrong.
    private static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet? selectionSet, GraphQLDocument document)
    {
        foreach (var selection in selectionSet?.Selections ?? [])
        {
            var fields = selection switch
            {
                GraphQLField field => [field],
                GraphQLInlineFragment inline => Fields(inline.SelectionSet, document),
                GraphQLFragmentSpread spread => Fields(
                    document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(d => d.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue)?.SelectionSet,
                    document),
                _ => [],
            };
            foreach (var field in fields)
            {
                yield return field;
            }
        }
    }
}
