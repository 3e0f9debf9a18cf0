using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Graph.Api.Limits;

/// <summary>
/// Refuses queries nested deeper than <see cref="GraphApiOptions.MaxDepth"/> or with more aliases than
/// <see cref="GraphApiOptions.MaxAliases"/>, counting fragments where they are spread. Introspection does not count
/// toward the depth, so GraphiQL's schema query always passes; an alias counts wherever it is.
/// </summary>
public sealed class QueryShapeRule(IOptions<GraphApiOptions> options) : ValidationRuleBase
{
    public const string DepthCode = "MAX_DEPTH";
    public const string AliasesCode = "MAX_ALIASES";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation is { } operation)
        {
            var limits = options.Value;
            var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                .GroupBy(f => f.FragmentName.Name.StringValue)
                .ToDictionary(g => g.Key, g => g.First());
            var shape = new Shape(fragments, limits.MaxAliases);
            shape.Walk(operation.SelectionSet, 0, []);
            if (shape.Depth > limits.MaxDepth)
            {
                context.ReportError(new ValidationError(context.Document.Source, "limits", $"The query nests fields {shape.Depth} levels deep; at most {limits.MaxDepth} are allowed.", operation) { Code = DepthCode });
            }

            if (shape.Aliases > limits.MaxAliases)
            {
                context.ReportError(new ValidationError(context.Document.Source, "limits", $"The query uses more than {limits.MaxAliases} aliases; at most {limits.MaxAliases} are allowed.", operation) { Code = AliasesCode });
            }
        }

        return ValueTask.FromResult<INodeVisitor?>(null);
    }

    private sealed class Shape(Dictionary<string, GraphQLFragmentDefinition> fragments, int maxAliases)
    {
        public int Depth { get; private set; }

        public int Aliases { get; private set; }

        public void Walk(GraphQLSelectionSet? selections, int depth, HashSet<string> spreading)
        {
            // Past the limits the answer is known; stop before a fragment bomb costs anything.
            if (selections is null || Aliases > maxAliases || depth > 1_000)
            {
                return;
            }

            foreach (var selection in selections.Selections)
            {
                switch (selection)
                {
                    // Introspection is free of the depth limit (GraphiQL's schema query is deep), not of the alias limit.
                    case GraphQLField field when field.Name.StringValue.StartsWith("__", StringComparison.Ordinal):
                        if (field.Alias is not null)
                        {
                            Aliases++;
                        }

                        break;
                    case GraphQLField field:
                        Depth = Math.Max(Depth, depth + 1);
                        if (field.Alias is not null)
                        {
                            Aliases++;
                        }

                        Walk(field.SelectionSet, depth + 1, spreading);
                        break;
                    case GraphQLInlineFragment inline:
                        Walk(inline.SelectionSet, depth, spreading);
                        break;
                    case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        && spreading.Add(fragment.FragmentName.Name.StringValue):
                        Walk(fragment.SelectionSet, depth, spreading);
                        spreading.Remove(fragment.FragmentName.Name.StringValue);
                        break;
                }
            }
        }
    }
}
