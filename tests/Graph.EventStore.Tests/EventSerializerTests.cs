using Graph.Abstractions.Statements;

namespace Graph.EventStore.Tests;

public sealed class EventSerializerTests
{
    [Fact]
    public async Task Every_event_type_survives_the_stored_json_form()
    {
        var recorded = new StatementRecorded(
            "s1", StatementKind.Appeal, "020", "aclu", "aclu-nc", ["microsoft"], ["ibm", "amazon"], [], ["police"], ["facial recognition"],
            null, "quote", null, PartialDate.Parse("2020-06"),
            [new StatementSource(null, null, "GeekWire", PartialDate.Parse("2020-06"), 3, 9)], 0.9, DateTimeOffset.Parse("2020-06-12T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var roundTripped = Assert.IsType<StatementRecorded>(EventSerializer.Deserialize(EventSerializer.Serialize(recorded)));

        Assert.Equal("statement-recorded", EventSerializer.TypeNameOf(recorded));
        Assert.Equal(recorded.ExemplarIds, roundTripped.ExemplarIds);
        Assert.Equal(recorded.Sources, roundTripped.Sources);
        Assert.Equal(recorded.SaidOn, roundTripped.SaidOn);
        Assert.Equal(DatePrecision.Month, roundTripped.SaidOn!.Value.Precision);
        Assert.Equal(recorded with { AddresseeIds = roundTripped.AddresseeIds, ExemplarIds = roundTripped.ExemplarIds, BeneficiaryIds = roundTripped.BeneficiaryIds, SubjectIds = roundTripped.SubjectIds, Topics = roundTripped.Topics, Sources = roundTripped.Sources }, roundTripped);
    }
}
