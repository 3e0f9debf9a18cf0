using Graph.Api.Actors;
using Graph.Api.Http;
using Graph.Projection.Reading;

namespace Graph.Api.Statements;

/// <summary>Turns the API's statement filter, with actors named by id or name, into the reader's filter.</summary>
public sealed class StatementFilters(ActorLookup lookup)
{
    /// <summary>How deep one filter may nest filters in <c>and</c> and <c>or</c>.</summary>
    public const int MaxNestedFilters = 32;

    /// <summary>How many filters one filter may combine in <c>and</c> and <c>or</c>, at every depth together.</summary>
    public const int MaxCombinedFilters = 256;

    public async Task<StatementFilter> ResolveAsync(StatementFilterInput? input, string field)
    {
        var count = 0;
        var filter = input is null ? StatementFilter.All : await ResolveAsync(input, field, 1, () => ++count);
        try
        {
            _ = filter.ToClauses();
        }
        catch (StatementFilterException tooComplex)
        {
            throw ApiErrors.Input("INVALID_VALUE", field, tooComplex.Message);
        }

        return filter;
    }

    public static StatementOrder Order(StatementOrderInput? input) => input switch
    {
        null or { Field: StatementOrderField.SaidOn, Direction: SortDirection.Desc } => StatementOrder.SaidOnDescending,
        { Field: StatementOrderField.SaidOn } => StatementOrder.SaidOnAscending,
        { Direction: SortDirection.Desc } => StatementOrder.RecordedAtDescending,
        _ => StatementOrder.RecordedAtAscending,
    };

    private async Task<StatementFilter> ResolveAsync(StatementFilterInput input, string field, int depth, Func<int> count)
    {
        if (depth > MaxNestedFilters)
        {
            throw ApiErrors.Input("INVALID_VALUE", field, $"The filter nests filters more than {MaxNestedFilters} deep in and/or.");
        }

        if (count() > MaxCombinedFilters + 1)
        {
            throw ApiErrors.Input("INVALID_VALUE", field, $"The filter combines more than {MaxCombinedFilters} filters in and/or.");
        }

        if (input.SaidFrom is { } from && input.SaidTo is { } to && from.Start > to.End)
        {
            throw ApiErrors.Input("INVALID_VALUE", field + ".saidFrom", $"saidFrom ({from}) is after saidTo ({to}).");
        }

        var topics = (input.Topics ?? []).Append(input.Topic).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Abstractions.Statements.Topics.IdOf(t!)).Distinct().ToList();
        var and = new List<StatementFilter>();
        foreach (var (part, i) in (input.And ?? []).Select((p, i) => (p, i)))
        {
            and.Add(await ResolveAsync(part, $"{field}.and[{i}]", depth + 1, count));
        }

        var or = new List<StatementFilter>();
        foreach (var (part, i) in (input.Or ?? []).Select((p, i) => (p, i)))
        {
            or.Add(await ResolveAsync(part, $"{field}.or[{i}]", depth + 1, count));
        }

        return new StatementFilter(
            Kinds: input.Kinds,
            SpeakerId: await lookup.ResolveAsync(input.Speaker, field + ".speaker"),
            AddresseeId: await lookup.ResolveAsync(input.Addressee, field + ".addressee"),
            ExemplarId: await lookup.ResolveAsync(input.Exemplar, field + ".exemplar"),
            BeneficiaryId: await lookup.ResolveAsync(input.Beneficiary, field + ".beneficiary"),
            SubjectId: await lookup.ResolveAsync(input.Subject, field + ".subject"),
            ActorId: await lookup.ResolveAsync(input.Actor, field + ".actor"),
            TopicIds: topics.Count == 0 ? null : topics,
            SaidFrom: input.SaidFrom?.Start,
            SaidTo: input.SaidTo?.End,
            Text: string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim(),
            HasExemplar: input.HasExemplar,
            And: and.Count == 0 ? null : and,
            Or: or.Count == 0 ? null : or,
            IncludeRetracted: input.IncludeRetracted,
            RespondsToId: input.RespondsTo,
            IsResponse: input.IsResponse);
    }
}
