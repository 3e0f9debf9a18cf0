using System.Globalization;
using System.Text.Json;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.Statements;
using Graph.Projection.Model;
using Graph.Projection.Reading;

namespace Graph.Neo4j;

/// <summary>Turns the maps the reader's Cypher returns into the views the API shows.</summary>
internal static class Neo4jViews
{
    public static ActorView Actor(JsonElement actor)
    {
        var id = actor.GetProperty(PropertyKeys.Id).GetString()!;
        var name = actor.GetProperty(PropertyKeys.Name).GetString()!;
        var aliases = Strings(actor, PropertyKeys.Aliases);
        if (Strings(actor, "labels").Contains(NodeLabels.Organisation))
        {
            return new OrganisationView(
                id,
                name,
                aliases,
                GraphEnums.Parse<OrganisationKind>(actor.GetProperty(PropertyKeys.Kind).GetString()!),
                String(actor, "parentId"),
                [.. Strings(actor, PropertyKeys.ExternalIds).Select(value => new ExternalId(value[..value.IndexOf(':', StringComparison.Ordinal)], value[(value.IndexOf(':', StringComparison.Ordinal) + 1)..]))]);
        }

        var affiliations = actor.TryGetProperty("affiliations", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(a => new AffiliationView(id, a.GetProperty("organisationId").GetString()!, String(a, PropertyKeys.Role), Date(a, PropertyKeys.From), Date(a, PropertyKeys.To)))
            : [];
        return new PersonView(id, name, aliases, [.. affiliations.Order(AffiliationOrder.ByOrganisation)]);
    }

    public static AffiliationView Member(Client.Neo4jRecord record) => new(
        record["personId"].GetString()!,
        record["organisationId"].GetString()!,
        NullableString(record["role"]),
        NullableString(record["from"]) is { } from ? PartialDate.Parse(from) : null,
        NullableString(record["to"]) is { } to ? PartialDate.Parse(to) : null);

    public static StatementView Statement(JsonElement s)
    {
        // roles: [type, ordinal, id] for each role besides the speaker, in no particular order.
        var roles = s.GetProperty("roles").EnumerateArray()
            .Select(r => (Type: r[0].GetString()!, Ordinal: r[1].ValueKind == JsonValueKind.Number ? r[1].GetInt64() : 0, Id: r[2].GetString()!))
            .OrderBy(r => r.Ordinal)
            .ToList();
        IReadOnlyList<string> Role(string type) => [.. roles.Where(r => r.Type == type).Select(r => r.Id)];

        var retracted = s.TryGetProperty(PropertyKeys.Retracted, out var flag) && flag.ValueKind == JsonValueKind.True;
        return new StatementView(
            s.GetProperty(PropertyKeys.Id).GetString()!,
            GraphEnums.Parse<StatementKind>(s.GetProperty(PropertyKeys.Kind).GetString()!),
            s.GetProperty(PropertyKeys.CameoCode).GetString()!,
            s.GetProperty("speaker").GetString()!,
            Role(RelationshipTypes.OnBehalfOf).FirstOrDefault(),
            Role(RelationshipTypes.AddressedTo),
            Role(RelationshipTypes.CitesExemplar),
            Role(RelationshipTypes.Benefits),
            Role(RelationshipTypes.Concerns),
            [.. Items(s, "topics")
                .OrderBy(t => t[0].ValueKind == JsonValueKind.Number ? t[0].GetInt64() : 0)
                .Select(t => new TopicView(t[1].GetString()!, t[2].GetString()!))],
            Role(RelationshipTypes.RespondsTo).FirstOrDefault(),
            String(s, PropertyKeys.Quote),
            String(s, PropertyKeys.Summary),
            Date(s, PropertyKeys.SaidOn),
            [.. Items(s, "sources").OrderBy(Ordinal).Select(source => new SourceView(
                source.GetProperty(PropertyKeys.Id).GetString()!,
                String(source, PropertyKeys.Url),
                String(source, PropertyKeys.Title),
                String(source, PropertyKeys.Publisher),
                Date(source, PropertyKeys.PublishedOn),
                Int(source, PropertyKeys.QuoteStart),
                Int(source, PropertyKeys.QuoteEnd)))],
            DateTimeOffset.Parse(s.GetProperty(PropertyKeys.RecordedAt).GetString()!, CultureInfo.InvariantCulture),
            s.TryGetProperty(PropertyKeys.Confidence, out var confidence) && confidence.ValueKind == JsonValueKind.Number ? confidence.GetDouble() : null,
            retracted
                ? new RetractionView(String(s, PropertyKeys.RetractionReason), DateTimeOffset.Parse(String(s, PropertyKeys.RetractedAt)!, CultureInfo.InvariantCulture))
                : null);
    }

    public static CountView Count(Client.Neo4jRecord record) =>
        new(record["key"].GetString()!, record["count"].GetInt32(), NullableString(record["label"]));

    public static StanceView Stance(Client.Neo4jRecord record, string targetId) => new(
        record["actorId"].GetString()!, targetId, record["supportive"].GetInt32(), record["critical"].GetInt32(), record["other"].GetInt32());

    public static PathView Path(Client.Neo4jRecord record) => new(
        [.. record["nodes"].EnumerateArray().Select(n => new PathNodeView(
            n.GetProperty("id").GetString()!,
            Strings(n, "labels") switch
            {
                var labels when labels.Contains(NodeLabels.Statement) => PathNodeKind.Statement,
                var labels when labels.Contains(NodeLabels.Person) => PathNodeKind.Person,
                _ => PathNodeKind.Organisation,
            }))],
        [.. record["steps"].EnumerateArray().Select(r => new PathStepView(r.GetProperty("type").GetString()!, r.GetProperty("from").GetString()!, r.GetProperty("to").GetString()!))]);

    public static NetworkEdgeView NetworkEdge(JsonElement edge)
    {
        var type = edge.GetProperty("type").GetString()!;
        var from = edge.GetProperty("start").GetString()!;
        var to = edge.GetProperty("end").GetString()!;
        var key = String(edge, PropertyKeys.Key);
        return new NetworkEdgeView(
            key is null ? $"{type}:{from}:{to}" : $"{type}:{from}:{to}:{key}",
            type,
            from,
            to,
            String(edge, PropertyKeys.Kind) is { } kind ? GraphEnums.Parse<StatementKind>(kind) : null,
            String(edge, PropertyKeys.StatementId),
            Date(edge, PropertyKeys.SaidOn),
            type == RelationshipTypes.AffiliatedWith ? String(edge, PropertyKeys.Role) : null,
            StatementRoles.Of(type) ?? (String(edge, PropertyKeys.StatementId) is null ? null : StatementRole.Addressee));
    }

    public static WeightedEdgeView WeightedEdge(Client.Neo4jRecord record) => new(
        record["source"].GetString()!,
        record["target"].GetString()!,
        GraphEnums.Parse<StatementKind>(record["kind"].GetString()!),
        record["count"].GetInt32(),
        NullableString(record["first"]) is { } first ? PartialDate.Parse(first) : null,
        NullableString(record["last"]) is { } last ? PartialDate.Parse(last) : null);

    // A list the reader may have left out, because it was not asked for.
    private static IEnumerable<JsonElement> Items(JsonElement map, string name) =>
        map.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static long Ordinal(JsonElement role) =>
        role.TryGetProperty(PropertyKeys.Ordinal, out var ordinal) && ordinal.ValueKind == JsonValueKind.Number ? ordinal.GetInt64() : 0;

    private static string? String(JsonElement map, string name) =>
        map.TryGetProperty(name, out var value) ? NullableString(value) : null;

    private static string? NullableString(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement map, string name) =>
        map.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static PartialDate? Date(JsonElement map, string name) => String(map, name) is { } text ? PartialDate.Parse(text) : null;

    private static string[] Strings(JsonElement map, string name) =>
        map.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : [];
}
