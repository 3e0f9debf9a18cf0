using GraphQL;

namespace Graph.Api.Http;

/// <summary>The errors the API reports for bad input: a code, the offending field, and a sentence.</summary>
public static class ApiErrors
{
    /// <summary>An error about an argument or input field, e.g. <c>input.speaker.name</c>.</summary>
    public static ExecutionError Input(string code, string field, string message)
    {
        var error = new ExecutionError(message) { Code = code };
        error.Extensions ??= new Dictionary<string, object?>();
        error.Extensions["field"] = field;
        return error;
    }
}
