using System.Collections.Frozen;

namespace Graph.Abstractions.Statements;

/// <summary>The CAMEO codes of each <see cref="StatementKind"/>, and the graph edge each kind derives.</summary>
public static class StatementKinds
{
    private static readonly FrozenDictionary<StatementKind, KindInfo> Infos = new Dictionary<StatementKind, KindInfo>
    {
        [StatementKind.State] = new("010", "STATED_TO", ["010", "012", "013", "014", "015", "017", "018", "019"]),
        [StatementKind.DeclineComment] = new("011", "DECLINED_COMMENT_TO", ["011"]),
        [StatementKind.Deny] = new("016", "DENIED", ["016"]),
        [StatementKind.Support] = new("051", "SUPPORTED", ["051", "052", "053"]),
        [StatementKind.Appeal] = new("020", "URGED", ["02"]),
        [StatementKind.Demand] = new("100", "DEMANDED", ["10"]),
        [StatementKind.Pledge] = new("030", "PLEDGED_TO", ["03"]),
        [StatementKind.Announce] = new("080", "ANNOUNCED_TO", ["08"]),
        [StatementKind.Criticise] = new("111", "CRITICISED", ["110", "111", "113", "114"]),
        [StatementKind.Accuse] = new("112", "ACCUSED", ["112"]),
        [StatementKind.Reject] = new("120", "REJECTED", ["12"]),
        [StatementKind.Threaten] = new("130", "THREATENED", ["13"]),
        [StatementKind.Protest] = new("140", "PROTESTED", ["14"]),
        [StatementKind.Sue] = new("115", "SUED", ["115"]),
        [StatementKind.Report] = new("010", "REPORTED_TO", ["010"]),
    }.ToFrozenDictionary();

    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<StatementKind> All { get; } = Enum.GetValues<StatementKind>();

    /// <summary>The CAMEO code recorded when a statement gives none.</summary>
    public static string DefaultCameoCode(StatementKind kind) => Infos[kind].DefaultCode;

    /// <summary>
    /// The relationship type of the derived speaker-to-addressee edge, e.g. <c>URGED</c> for <see cref="StatementKind.Appeal"/>.
    /// </summary>
    public static string DerivedRelationshipType(StatementKind kind) => Infos[kind].Relationship;

    /// <summary>Every derived relationship type, for readers that look at all of them.</summary>
    public static IReadOnlyList<string> DerivedRelationshipTypes { get; } = [.. All.Select(DerivedRelationshipType)];

    /// <summary>
    /// Whether <paramref name="cameoCode"/> (three or four digits, e.g. <c>028</c> or <c>0214</c>) is in the family of <paramref name="kind"/>.
    /// </summary>
    public static bool IsCameoCodeOf(StatementKind kind, string cameoCode) =>
        cameoCode.Length is 3 or 4
        && cameoCode.All(char.IsAsciiDigit)
        && Infos[kind].Families.Any(cameoCode.StartsWith);

    /// <summary>The CAMEO code families of <paramref name="kind"/>, for error messages.</summary>
    public static string DescribeCameoFamilies(StatementKind kind) =>
        string.Join(", ", Infos[kind].Families.Select(f => f.Length == 2 ? f + "x" : f));

    private sealed record KindInfo(string DefaultCode, string Relationship, string[] Families);
}
