using Graph.Abstractions.Statements;

namespace Graph.EventStore.Tests;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2020", DatePrecision.Year, "2020-01-01", "2020-12-31")]
    [InlineData("2020-02", DatePrecision.Month, "2020-02-01", "2020-02-29")]
    [InlineData("2019-02", DatePrecision.Month, "2019-02-01", "2019-02-28")]
    [InlineData("2020-06-12", DatePrecision.Day, "2020-06-12", "2020-06-12")]
    public void A_partial_date_spans_the_days_it_names(string text, DatePrecision precision, string start, string end)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), date.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), date.End);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2020-02-30", "February 2020 has 29 days")]
    [InlineData("2021-02-29", "February 2021 has 28 days")]
    [InlineData("2020-13", "month 13")]
    [InlineData("2020-00-10", "month 0")]
    [InlineData("June 2020", "not a date")]
    [InlineData("2020-6-1", "not a date")]
    [InlineData("", "empty")]
    public void An_impossible_or_malformed_date_is_refused_with_the_reason(string text, string reason)
    {
        Assert.False(PartialDate.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
