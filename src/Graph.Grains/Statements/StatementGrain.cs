using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Statements;
using Graph.EventStore;
using Graph.Grains.Actors;
using Graph.Grains.EventSourcing;

namespace Graph.Grains.Statements;

/// <inheritdoc cref="IStatementGrain"/>
[CollectionAgeLimit(Minutes = 5)]
public sealed class StatementGrain(IEventStore store, IGrainFactory grains, TimeProvider clock)
    : EventSourcedGrain<StatementState, StatementEvent>(store), IStatementGrain
{
    protected override string StreamCategory => "statement";

    private string Id => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public async Task<WriteReceipt> RecordAsync(RecordStatement command, bool dryRun = false)
    {
        // A statement is written once and read from the graph, so its grain need not stay in memory afterwards.
        DeactivateOnIdle();
        var problems = new Problems();
        problems.Id(command.Id, Id);
        var (recorded, resolver) = await CheckAsync(command, problems, clock.GetUtcNow());
        if (State.Recorded is { } existing)
        {
            // The same content again, or the content first recorded before a correction (an import run again), is
            // already on record.
            if (!problems.Any && (SameContent(existing, recorded) || (State.Original is { } original && SameContent(original, recorded))))
            {
                return new WriteReceipt(Id, Position, [], Changed: false);
            }

            problems.Add(ProblemCodes.IdTaken, "id", $"A different statement with the id '{Id}' is already recorded; correct it with updateStatement, or record this one under another id.");
        }

        problems.ThrowIfAny();
        if (dryRun)
        {
            return new WriteReceipt(Id, Position, [], Changed: false);
        }

        var created = await resolver.CreateMissingAsync();
        var position = await RaiseAsync([recorded]);
        return new WriteReceipt(Id, position, created);
    }

    /// <inheritdoc/>
    public async Task<WriteReceipt> CorrectAsync(UpdateStatement command, string? correctedBy, bool dryRun = false)
    {
        DeactivateOnIdle();
        if (State.Recorded is not { } current)
        {
            throw new InvalidInputException(ProblemCodes.NotFound, "id", $"No statement has the id '{Id}'.");
        }

        var problems = new Problems();
        problems.Id(command.Id, Id);
        if (State.Retraction is not null)
        {
            problems.Add(ProblemCodes.AlreadyRetracted, "id", $"The statement '{Id}' was retracted on {State.Retraction.RetractedAt:yyyy-MM-dd}; a retracted statement is not corrected.");
        }

        if (command.RemoveOnBehalfOf && command.OnBehalfOf is not null)
        {
            problems.Add(ProblemCodes.InvalidValue, "removeOnBehalfOf", "Give onBehalfOf or removeOnBehalfOf, not both.");
        }

        if (command.RemoveRespondsTo && command.RespondsTo is not null)
        {
            problems.Add(ProblemCodes.InvalidValue, "removeRespondsTo", "Give respondsTo or removeRespondsTo, not both.");
        }

        var reason = problems.Text(command.Reason, "reason", "The reason", Problems.MaxShortTextLength);
        var (corrected, resolver) = await CheckAsync(command.ApplyTo(current), problems, current.RecordedAt);
        problems.ThrowIfAny();
        if (SameContent(current, corrected) || dryRun)
        {
            return new WriteReceipt(Id, Position, [], Changed: false);
        }

        var created = await resolver.CreateMissingAsync();
        var position = await RaiseAsync([new StatementCorrected(Id, current, corrected, reason, correctedBy, clock.GetUtcNow())]);
        return new WriteReceipt(Id, position, created);
    }

    /// <summary>
    /// Checks a statement as it would be recorded, resolving every actor it names, and notes every problem found.
    /// </summary>
    private async Task<(StatementRecorded Recorded, ActorResolver Resolver)> CheckAsync(RecordStatement command, Problems problems, DateTimeOffset recordedAt)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!Enum.IsDefined(command.Kind))
        {
            problems.Add(ProblemCodes.InvalidValue, "kind", $"'{command.Kind}' is not a statement kind.");
        }

        var cameoCode = command.CameoCode?.Trim() is { Length: > 0 } code ? code : null;
        if (cameoCode is not null && Enum.IsDefined(command.Kind) && !StatementKinds.IsCameoCodeOf(command.Kind, cameoCode))
        {
            problems.Add(ProblemCodes.InvalidCameoCode, "cameoCode", $"CAMEO code '{cameoCode}' is not one of {command.Kind}'s ({StatementKinds.DescribeCameoFamilies(command.Kind)}).");
        }

        if (command.Speaker is null)
        {
            problems.Add(ProblemCodes.Required, "speaker", "A statement needs a speaker.");
        }

        var quote = problems.Text(command.Quote, "quote", "The quote", Problems.MaxTextLength);
        var summary = problems.Text(command.Summary, "summary", "The summary", Problems.MaxTextLength);
        if (quote is null && summary is null)
        {
            problems.Add(ProblemCodes.Required, "quote", "A statement needs a quote or a summary (or both).");
        }

        problems.NotInFuture(command.SaidOn, "saidOn", "The date said", today);
        if (command.Confidence is { } confidence && (double.IsNaN(confidence) || confidence is < 0 or > 1))
        {
            problems.Add(ProblemCodes.InvalidValue, "confidence", $"Confidence is {confidence}; it must lie between 0 and 1.");
        }

        var sources = Sources(command.Sources, problems, today);
        var topics = Topics(command.Topics, problems);

        var resolver = new ActorResolver(grains, problems, command.CreateMissingActors);
        var speakerId = await resolver.ResolveAsync(command.Speaker, "speaker");
        var onBehalfOfId = await resolver.ResolveAsync(command.OnBehalfOf, "onBehalfOf", ActorType.Organisation);
        var addressees = await ResolveAllAsync(resolver, command.Addressees, "addressees");
        var exemplars = await ResolveAllAsync(resolver, command.Exemplars, "exemplars");
        var beneficiaries = await ResolveAllAsync(resolver, command.Beneficiaries, "beneficiaries");
        var subjects = await ResolveAllAsync(resolver, command.Subjects, "subjects");
        var respondsTo = await ResolveRespondsToAsync(command.RespondsTo, problems);

        var recorded = new StatementRecorded(
            Id,
            command.Kind,
            cameoCode ?? StatementKinds.DefaultCameoCode(command.Kind),
            speakerId ?? "",
            onBehalfOfId,
            addressees,
            exemplars,
            beneficiaries,
            subjects,
            topics,
            respondsTo,
            quote,
            summary,
            command.SaidOn,
            sources,
            command.Confidence,
            recordedAt);
        return (recorded, resolver);
    }

    /// <inheritdoc/>
    public async Task<WriteReceipt> RetractAsync(string? reason)
    {
        var problems = new Problems();
        var trimmed = problems.Text(reason, "reason", "The reason", Problems.MaxShortTextLength);
        if (State.Recorded is not { } recorded)
        {
            throw new InvalidInputException(ProblemCodes.NotFound, "id", $"No statement has the id '{Id}'.");
        }

        if (State.Retraction is not null)
        {
            problems.Add(ProblemCodes.AlreadyRetracted, "id", $"The statement '{Id}' was already retracted on {State.Retraction.RetractedAt:yyyy-MM-dd}.");
        }

        problems.ThrowIfAny();
        var position = await RaiseAsync([new StatementRetracted(Id, trimmed, clock.GetUtcNow(), recorded.Kind, recorded.SpeakerId, recorded.AddresseeIds)]);
        return new WriteReceipt(Id, position, []);
    }

    /// <inheritdoc/>
    public Task<StatementSnapshot?> GetAsync() =>
        Task.FromResult(State.Recorded is { } recorded ? new StatementSnapshot(recorded, State.Retraction) : null);

    protected override void Apply(StatementState state, StatementEvent @event) => state.Apply(@event);

    private static async Task<string[]> ResolveAllAsync(ActorResolver resolver, ActorReference[]? references, string path)
    {
        var ids = new List<string>();
        foreach (var (reference, index) in (references ?? []).Select((r, i) => (r, i)))
        {
            if (await resolver.ResolveAsync(reference, $"{path}[{index}]") is { } id && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return [.. ids];
    }

    private async Task<string?> ResolveRespondsToAsync(string? respondsTo, Problems problems)
    {
        var id = respondsTo?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        if (id == Id)
        {
            problems.Add(ProblemCodes.InvalidValue, "respondsTo", "A statement cannot respond to itself.");
            return null;
        }

        if (!EntityIds.IsValid(id) || await grains.GetGrain<IStatementGrain>(id).GetAsync() is null)
        {
            problems.Add(ProblemCodes.UnknownStatement, "respondsTo", $"No statement has the id '{id}'.");
            return null;
        }

        return id;
    }

    private static StatementSource[] Sources(StatementSource[]? sources, Problems problems, DateOnly today)
    {
        if (sources is not { Length: > 0 })
        {
            problems.Add(ProblemCodes.Required, "sources", "A statement needs at least one source.");
            return [];
        }

        var result = new List<StatementSource>();
        foreach (var (source, index) in sources.Select((s, i) => (s, i)))
        {
            var path = $"sources[{index}]";
            var url = problems.Text(source.Url, path + ".url", "A source's url", Problems.MaxUrlLength);
            var title = problems.Text(source.Title, path + ".title", "A source's title", Problems.MaxShortTextLength);
            var publisher = problems.Text(source.Publisher, path + ".publisher", "A source's publisher", Problems.MaxNameLength);
            if (url is null && publisher is null)
            {
                problems.Add(ProblemCodes.Required, path, "A source needs a url or a publisher (or both).");
            }

            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            {
                problems.Add(ProblemCodes.InvalidValue, path + ".url", $"'{url}' is not an absolute http or https URL.");
            }

            problems.NotInFuture(source.PublishedOn, path + ".publishedOn", "The publication date", today);
            if ((source.QuoteStart is null) != (source.QuoteEnd is null))
            {
                problems.Add(ProblemCodes.InvalidValue, path, "Give both quoteStart and quoteEnd, or neither.");
            }
            else if (source.QuoteStart is { } start && source.QuoteEnd is { } end && (start < 0 || end < start))
            {
                problems.Add(ProblemCodes.InvalidValue, path + ".quoteStart", $"The quote's offsets ({start} to {end}) must be non-negative, the start not after the end.");
            }

            result.Add(new StatementSource(url, title, publisher, source.PublishedOn, source.QuoteStart, source.QuoteEnd));
        }

        return [.. result];
    }

    private static string[] Topics(string[]? topics, Problems problems)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (topic, index) in (topics ?? []).Select((t, i) => (t, i)))
        {
            var name = problems.Name(topic, $"topics[{index}]", "A topic");
            if (name is not null && seen.Add(Abstractions.Statements.Topics.IdOf(name)))
            {
                result.Add(name);
            }
        }

        return [.. result];
    }

    private static bool SameContent(StatementRecorded a, StatementRecorded b) =>
        a.Kind == b.Kind && a.CameoCode == b.CameoCode && a.SpeakerId == b.SpeakerId && a.OnBehalfOfId == b.OnBehalfOfId
        && a.AddresseeIds.SequenceEqual(b.AddresseeIds) && a.ExemplarIds.SequenceEqual(b.ExemplarIds)
        && a.BeneficiaryIds.SequenceEqual(b.BeneficiaryIds) && a.SubjectIds.SequenceEqual(b.SubjectIds)
        && a.Topics.SequenceEqual(b.Topics) && a.RespondsToId == b.RespondsToId && a.Quote == b.Quote && a.Summary == b.Summary
        && a.SaidOn == b.SaidOn && a.Sources.SequenceEqual(b.Sources) && a.Confidence == b.Confidence;
}
