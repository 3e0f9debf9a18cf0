using Graph.Abstractions.Actors;
using Graph.Abstractions.Statements;

namespace Graph.Api.Statements;

/// <summary>The schema's <c>StatementFilter</c> input, with actors named by id or name.</summary>
public sealed record StatementFilterInput(
    StatementKind[]? Kinds = null,
    ActorReference? Speaker = null,
    ActorReference? Addressee = null,
    ActorReference? Exemplar = null,
    ActorReference? Beneficiary = null,
    ActorReference? Subject = null,
    ActorReference? Actor = null,
    string? Topic = null,
    string[]? Topics = null,
    PartialDate? SaidFrom = null,
    PartialDate? SaidTo = null,
    string? Text = null,
    bool? HasExemplar = null,
    StatementFilterInput[]? And = null,
    StatementFilterInput[]? Or = null,
    bool IncludeRetracted = false,
    string? RespondsTo = null,
    bool? IsResponse = null);
