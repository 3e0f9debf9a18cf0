using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Graph.Abstractions.Statements;

/// <summary>A calendar date known to a year, a month or a day: <c>2020</c>, <c>2020-06</c> or <c>2020-06-12</c>.</summary>
/// <remarks>A partial date stands for an interval, from <see cref="Start"/> to <see cref="End"/>, both inclusive.</remarks>
[GenerateSerializer, Immutable, Alias("graph.partial-date")]
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly struct PartialDate : IEquatable<PartialDate>, IComparable<PartialDate>
{
    [Id(0)] private readonly DateOnly _start;
    [Id(1)] private readonly DatePrecision _precision;

    private PartialDate(DateOnly start, DatePrecision precision)
    {
        _start = start;
        _precision = precision;
    }

    public DatePrecision Precision => _precision;

    /// <summary>The first day the date may stand for.</summary>
    public DateOnly Start => _start;

    /// <summary>The last day the date may stand for.</summary>
    public DateOnly End => _precision switch
    {
        DatePrecision.Year => new DateOnly(_start.Year, 12, 31),
        DatePrecision.Month => _start.AddMonths(1).AddDays(-1),
        _ => _start,
    };

    public static PartialDate OfYear(int year) => new(new DateOnly(year, 1, 1), DatePrecision.Year);

    public static PartialDate OfMonth(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);

    public static PartialDate OfDay(DateOnly day) => new(day, DatePrecision.Day);

    /// <summary>Parses <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>, explaining what is wrong when it cannot.</summary>
    public static bool TryParse(string? text, out PartialDate date, [NotNullWhen(false)] out string? error)
    {
        date = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "A date is empty; write it as yyyy, yyyy-MM or yyyy-MM-dd.";
            return false;
        }

        var parts = text.Split('-');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit))
            || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2))
        {
            error = $"'{text}' is not a date; write it as yyyy, yyyy-MM or yyyy-MM-dd.";
            return false;
        }

        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        if (year < 1)
        {
            error = $"'{text}' has year 0; years start at 1.";
            return false;
        }

        if (parts.Length == 1)
        {
            date = OfYear(year);
            error = null;
            return true;
        }

        var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            error = $"'{text}' has month {month}; months run from 01 to 12.";
            return false;
        }

        if (parts.Length == 2)
        {
            date = OfMonth(year, month);
            error = null;
            return true;
        }

        var day = int.Parse(parts[2], CultureInfo.InvariantCulture);
        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
            error = $"'{text}' does not exist: {monthName} {year} has {daysInMonth} days.";
            return false;
        }

        date = OfDay(new DateOnly(year, month, day));
        error = null;
        return true;
    }

    /// <summary>Parses a date, throwing <see cref="FormatException"/> with the reason when it cannot.</summary>
    public static PartialDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    public override string ToString() => _precision switch
    {
        DatePrecision.Year => _start.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => _start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => _start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public bool Equals(PartialDate other) => _start == other._start && _precision == other._precision;

    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_start, _precision);

    /// <summary>Orders by start day, then the more precise date first.</summary>
    public int CompareTo(PartialDate other)
    {
        var byStart = _start.CompareTo(other._start);
        return byStart != 0 ? byStart : other._precision.CompareTo(_precision);
    }

    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    private sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
    {
        public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("A date must be a string: yyyy, yyyy-MM or yyyy-MM-dd.");
            }

            return TryParse(reader.GetString(), out var date, out var error) ? date : throw new JsonException(error);
        }

        public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
