using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace Graph.Api.Http;

/// <summary>
/// Writes errors for clients: never exception details, and, for a variable a scalar could not read, the scalar's
/// reason (e.g. that February 2020 has 29 days) instead of only "unable to convert".
/// </summary>
public sealed class GraphErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is InvalidVariableError { InnerException: FormatException reason })
        {
            info.Message = $"{executionError.Message.TrimEnd('.')}: {reason.Message}";
        }

        // GraphQL.NET says how complex the query is, not what to change.
        if (executionError.Code == "COMPLEXITY")
        {
            info.Message = $"{executionError.Message.TrimEnd('.')}. Ask for smaller pages (first) or fewer fields inside lists: "
                + "each field counts once for every item of every list above it, and a list without first counts as 5.";
        }

        return info;
    }
}
