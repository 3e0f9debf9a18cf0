using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Graph.Api.Limits;

/// <summary>
/// Parses a query document within bounds, and refuses one that would cost more to validate or execute than
/// <see cref="GraphApiOptions"/> allows, before any validation rule runs. Every count is linear in the document's
/// size: tokens as they are read, nesting as the parser recurses, and fields, depth and aliases with each fragment
/// measured once and then counted at every place it is spread, so a fragment spread four times in each of thirteen
/// fragments counts its 4^13 fields without expanding them.
/// </summary>
public sealed class DocumentLimits(IOptions<GraphApiOptions> options)
{
    public const string TokensCode = "MAX_TOKENS";
    public const string TooDeepCode = "DOCUMENT_TOO_DEEP";
    public const string DirectivesCode = "MAX_DIRECTIVES";
    public const string FieldsCode = "MAX_FIELDS";
    public const string DepthCode = "MAX_DEPTH";
    public const string AliasesCode = "MAX_ALIASES";

    /// <summary>Counts stop growing here, far above any limit, so no sum overflows however fragments multiply.</summary>
    private const long Saturated = 1L << 50;

    /// <summary>The document, or the one error that says why it is refused.</summary>
    public (GraphQLDocument? Document, ExecutionError? Error) Parse(string query)
    {
        var limits = options.Value;
        var source = new ROM(query.AsMemory());
        var tokens = 0;
        var directives = 0;
        try
        {
            for (var token = Lexer.Lex(source, 0); token.Kind != TokenKind.EOF; token = Lexer.Lex(source, token.End))
            {
                if (++tokens > limits.MaxTokens)
                {
                    return (null, Refuse(TokensCode, $"The query has more than {limits.MaxTokens} tokens; at most {limits.MaxTokens} are allowed."));
                }

                directives += token.Kind == TokenKind.AT ? 1 : 0;
            }

            if (directives > limits.MaxDirectives)
            {
                return (null, Refuse(DirectivesCode, $"The query uses {directives} directives; at most {limits.MaxDirectives} are allowed."));
            }

            // Past our own depth limit the document is refused anyway; the parser need not recurse much further.
            var document = Parser.Parse(source, new ParserOptions { MaxDepth = ParserDepth(limits), Ignore = IgnoreOptions.Comments });
            return (document, Measure(document, limits));
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, Refuse(TooDeepCode, $"The query nests its selections or values more than {ParserDepth(limits)} levels deep, too deep to read."));
        }
        catch (GraphQLSyntaxErrorException syntax)
        {
            return (null, new SyntaxError(syntax));
        }
    }

    /// <summary>How deep the parser may recurse: selections, arguments and values all count, so some headroom.</summary>
    public static int ParserDepth(GraphApiOptions limits) => Math.Max(128, 4 * limits.MaxDepth);

    private static ExecutionError? Measure(GraphQLDocument document, GraphApiOptions limits)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>();
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        // Validation walks every fragment, used or not, so each counts its fields; depth and aliases count where a
        // fragment is spread (a fragment may be deep only because introspection, exempt from depth, spreads it).
        var measure = new Measurer(fragments);
        foreach (var fragment in fragments.Values)
        {
            if (measure.Of(fragment.SelectionSet).Fields > limits.MaxFields)
            {
                return TooManyFields(limits);
            }
        }

        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var cost = measure.Of(operation.SelectionSet);
            if (cost.Fields > limits.MaxFields)
            {
                return TooManyFields(limits);
            }

            if (cost.Depth > limits.MaxDepth)
            {
                return Refuse(DepthCode, $"The query nests fields {cost.Depth} levels deep; at most {limits.MaxDepth} are allowed.");
            }

            if (cost.Aliases > limits.MaxAliases)
            {
                return Refuse(AliasesCode, $"The query uses more than {limits.MaxAliases} aliases; at most {limits.MaxAliases} are allowed.");
            }
        }

        return null;
    }

    private static DocumentError TooManyFields(GraphApiOptions limits) => Refuse(
        FieldsCode, $"The query selects more than {limits.MaxFields} fields once its fragments are expanded; at most {limits.MaxFields} are allowed.");

    private static DocumentError Refuse(string code, string message) => new LimitError(message) { Code = code };

    /// <summary>An error of the document as a whole, so the request is answered as not executed (400).</summary>
    private sealed class LimitError(string message) : DocumentError(message);

    /// <summary>What a selection set asks for, with its fragments expanded.</summary>
    private readonly record struct Cost(long Fields, int Depth, long Aliases)
    {
        public static Cost operator +(Cost a, Cost b) =>
            new(Math.Min(a.Fields + b.Fields, Saturated), Math.Max(a.Depth, b.Depth), Math.Min(a.Aliases + b.Aliases, Saturated));
    }

    private sealed class Measurer(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly Dictionary<string, Cost> _measured = [];
        private readonly HashSet<string> _measuring = [];

        public Cost Of(GraphQLSelectionSet? selections)
        {
            var cost = default(Cost);
            foreach (var selection in selections?.Selections ?? [])
            {
                cost += selection switch
                {
                    GraphQLField field => Of(field),
                    GraphQLInlineFragment inline => Of(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Of(spread.FragmentName.Name.StringValue),
                    _ => default,
                };
            }

            return cost;
        }

        private Cost Of(GraphQLField field)
        {
            var inner = Of(field.SelectionSet);

            // Introspection is free of the depth limit (GraphiQL's schema query is deep), not of the others.
            var introspection = field.Name.StringValue.StartsWith("__", StringComparison.Ordinal);
            return new Cost(
                Math.Min(inner.Fields + 1, Saturated),
                introspection ? 0 : inner.Depth + 1,
                Math.Min(inner.Aliases + (field.Alias is null ? 0 : 1), Saturated));
        }

        private Cost Of(string fragmentName)
        {
            if (_measured.TryGetValue(fragmentName, out var known))
            {
                return known;
            }

            // An unknown fragment, or one spreading itself, is for validation to report; here it costs nothing.
            if (!fragments.TryGetValue(fragmentName, out var fragment) || !_measuring.Add(fragmentName))
            {
                return default;
            }

            var cost = Of(fragment.SelectionSet);
            _measuring.Remove(fragmentName);
            _measured[fragmentName] = cost;
            return cost;
        }
    }
}
