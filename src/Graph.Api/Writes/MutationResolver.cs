using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.People;
using Graph.Abstractions.Statements;
using Graph.Api.Http;
using Graph.EventStore;
using Graph.Projection;
using Graph.Projection.Reading;
using GraphQL;

namespace Graph.Api.Writes;

/// <summary>
/// Resolves the fields of <c>Mutation</c>: sends each command to its grain, waits until the graph shows the write,
/// and answers with what the graph now holds.
/// </summary>
/// <remarks>The inputs bind straight to the grains' command records; their fields are the schema's input fields.</remarks>
public sealed class MutationResolver(IGrainFactory grains, Projector projection, IGraphReader reader)
{
    public async Task<OrganisationPayload> CreateOrganisation(CreateOrganisation input, IResolveFieldContext context)
    {
        var receipt = await WriteAsync(context, input.Id, id => grains.GetGrain<IOrganisationGrain>(id).CreateAsync(input));
        return new OrganisationPayload(await ActorAsync<OrganisationView>(receipt.Id, context), await CreatedAsync(receipt, context), ConsistencyToken.For(receipt.Position));
    }

    public async Task<OrganisationPayload> UpdateOrganisation(UpdateOrganisation input, IResolveFieldContext context)
    {
        var receipt = await WriteAsync(context, input.Id, id => grains.GetGrain<IOrganisationGrain>(id).UpdateAsync(input));
        return new OrganisationPayload(await ActorAsync<OrganisationView>(receipt.Id, context), await CreatedAsync(receipt, context), ConsistencyToken.For(receipt.Position));
    }

    public async Task<PersonPayload> CreatePerson(CreatePerson input, IResolveFieldContext context)
    {
        var receipt = await WriteAsync(context, input.Id, id => grains.GetGrain<IPersonGrain>(id).CreateAsync(input));
        return new PersonPayload(await ActorAsync<PersonView>(receipt.Id, context), await CreatedAsync(receipt, context), ConsistencyToken.For(receipt.Position));
    }

    public async Task<PersonPayload> UpdatePerson(UpdatePerson input, IResolveFieldContext context)
    {
        var receipt = await WriteAsync(context, input.Id, id => grains.GetGrain<IPersonGrain>(id).UpdateAsync(input));
        return new PersonPayload(await ActorAsync<PersonView>(receipt.Id, context), await CreatedAsync(receipt, context), ConsistencyToken.For(receipt.Position));
    }

    public async Task<StatementPayload> RecordStatement(RecordStatement input, IResolveFieldContext context)
    {
        // Without an id, the content is the id, so a client that sends the same statement again records it once.
        var receipt = await WriteAsync(context, input.Id ?? StatementContentIds.For(input), id => grains.GetGrain<IStatementGrain>(id).RecordAsync(input));
        return new StatementPayload(await StatementAsync(receipt.Id, context), await CreatedAsync(receipt, context), ConsistencyToken.For(receipt.Position));
    }

    public async Task<StatementPayload> UpdateStatement(UpdateStatement input, IResolveFieldContext context)
    {
        // Who corrected it goes into the event log with the correction.
        var correctedBy = context.User?.Identity?.Name;
        var receipt = await WriteAsync(context, input.Id, id => grains.GetGrain<IStatementGrain>(id).CorrectAsync(input, correctedBy));
        return new StatementPayload(await StatementAsync(receipt.Id, context), await CreatedAsync(receipt, context), ConsistencyToken.For(receipt.Position));
    }

    public async Task<StatementPayload> RetractStatement(RetractStatementInput input, IResolveFieldContext context)
    {
        var receipt = await WriteAsync(context, input.Id, id => grains.GetGrain<IStatementGrain>(id).RetractAsync(input.Reason));
        return new StatementPayload(await StatementAsync(receipt.Id, context), [], ConsistencyToken.For(receipt.Position));
    }

    /// <summary>Runs a command and waits for the graph to show it; on bad input, reports every problem as an error.</summary>
    private async Task<WriteReceipt> WriteAsync(IResolveFieldContext context, string? id, Func<string, Task<WriteReceipt>> write)
    {
        if (id is not null && !EntityIds.IsValid(id))
        {
            throw ApiErrors.Input(ProblemCodes.InvalidId, "input.id", $"'{id}' is not a valid id: use {EntityIds.Description}.");
        }

        WriteReceipt receipt;
        try
        {
            receipt = await write(id ?? EntityIds.NewId());
        }
        catch (InvalidInputException invalid) when (invalid.Problems.Length > 0)
        {
            // Every problem is reported; the last one is thrown so the field fails like any other.
            var errors = invalid.Problems
                .Select(p => ApiErrors.Input(p.Code, p.Path.Length == 0 ? "input" : "input." + p.Path, p.Message))
                .ToList();
            foreach (var error in errors.SkipLast(1))
            {
                error.Path = context.ResponsePath;
                error.AddLocation(context.FieldAst, context.Document);
                context.Errors.Add(error);
            }

            throw errors[^1];
        }
        catch (WriteFailedException failed)
        {
            throw new ExecutionError(failed.Message) { Code = WriteFailedException.Code };
        }
        catch (Exception unreachable) when (unreachable is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException)
        {
            // A silo died with the grain on it, and the cluster has not noticed yet: say so, and that a retry is safe.
            throw new ExecutionError(
                "The write could not reach the grain that makes it: a silo of the cluster is unavailable, and the grain moves "
                + "to another once the cluster notices. It may or may not have been stored: read it back, or send it again (a "
                + "statement sent again with the same id, or without one the same content, is recorded once).") { Code = "CLUSTER_UNAVAILABLE" };
        }

        try
        {
            await projection.WaitForAsync(receipt.Position, context.CancellationToken);
        }
        catch (ProjectionTimeoutException timeout)
        {
            throw new ExecutionError(timeout.Message) { Code = "PROJECTION_TIMEOUT" };
        }

        return receipt;
    }

    private async Task<T> ActorAsync<T>(string id, IResolveFieldContext context)
        where T : ActorView =>
        (await reader.GetActorsAsync([id], context.CancellationToken)).OfType<T>().Single();

    private async Task<StatementView> StatementAsync(string id, IResolveFieldContext context) =>
        (await reader.GetStatementsAsync([id], context.CancellationToken)).Single();

    private async Task<IReadOnlyList<ActorView>> CreatedAsync(WriteReceipt receipt, IResolveFieldContext context) =>
        receipt.CreatedActors.Length == 0 ? [] : await reader.GetActorsAsync([.. receipt.CreatedActors.Select(a => a.Id)], context.CancellationToken);
}
