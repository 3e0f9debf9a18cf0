using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace Graph.Api.Limits;

/// <summary>Stops a request that runs longer than <see cref="GraphApiOptions.ExecutionTimeout"/>, with an error that says so.</summary>
public sealed class ExecutionTimeout(IOptions<GraphApiOptions> options) : IConfigureExecution
{
    public const string Code = "TIMEOUT";

    public float SortOrder => 100;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        var caller = executionOptions.CancellationToken;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(caller);
        timeout.CancelAfter(options.Value.ExecutionTimeout);
        executionOptions.CancellationToken = timeout.Token;
        try
        {
            return await next(executionOptions);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            return new ExecutionResult
            {
                Errors = [new ExecutionError($"The request ran longer than {options.Value.ExecutionTimeout.TotalSeconds:0.###} s and was stopped.") { Code = Code }],
            };
        }
    }
}
