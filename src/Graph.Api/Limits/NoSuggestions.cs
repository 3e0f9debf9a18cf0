using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.DI;

namespace Graph.Api.Limits;

/// <summary>
/// With introspection off, takes "did you mean ..." out of error messages, so the schema cannot be guessed from
/// them either.
/// </summary>
public sealed partial class NoSuggestions : IConfigureExecution
{
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var result = await next(options);
        if (result.Errors is not { Count: > 0 } errors || !errors.Any(e => Suggestion().IsMatch(e.Message)))
        {
            return result;
        }

        var rewritten = new ExecutionErrors();
        foreach (var error in errors)
        {
            if (!Suggestion().IsMatch(error.Message))
            {
                rewritten.Add(error);
                continue;
            }

            var plain = new ExecutionError(Suggestion().Replace(error.Message, "").TrimEnd(), error.InnerException)
            {
                Code = error.Code,
                Path = error.Path,
                Extensions = error.Extensions,
            };
            foreach (var location in error.Locations ?? [])
            {
                plain.AddLocation(location);
            }

            rewritten.Add(plain);
        }

        result.Errors = rewritten;
        return result;
    }

    [GeneratedRegex(@"\s*Did you mean [^?]*\?", RegexOptions.CultureInvariant)]
    private static partial Regex Suggestion();
}
