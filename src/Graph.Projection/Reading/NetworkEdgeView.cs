using Graph.Abstractions.Statements;

namespace Graph.Projection.Reading;

/// <summary>
/// One edge of an ego network: a statement from its speaker to an addressee (typed by the statement's kind, e.g.
/// <c>URGED</c>), a person's affiliation, or an organisation being part of another.
/// </summary>
public sealed record NetworkEdgeView(
    string Id,
    string Type,
    string Source,
    string Target,
    StatementKind? Kind,
    string? StatementId,
    PartialDate? SaidOn,
    string? Role);
