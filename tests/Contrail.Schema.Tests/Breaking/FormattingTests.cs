using System.Collections.Generic;
using Contrail.Schema.Breaking;
using Xunit;

namespace Contrail.Schema.Tests.Breaking;

public sealed class FormattingTests
{
    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(100000d, "100000")]
    [InlineData(1000000d, "1e+06")]
    [InlineData(1234567d, "1.234567e+06")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-2.25, "-2.25")]
    [InlineData(0d, "0")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NaN, "NaN")]
    public void Floats_print_as_go_percent_v(double value, string expected)
    {
        Assert.Equal(expected, GoFormat.Float64(value));
    }

    [Fact]
    public void Quotes_escape_like_go()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\x01\"", GoFormat.Quote("a\"b\\c\n\u0001"));
    }

    [Fact]
    public void Missing_ranges_are_the_parts_no_new_range_covers()
    {
        var collapsed = TagRanges.Collapse(new List<(int, int)> { (24, 25), (20, 20), (21, 21) });
        Assert.Equal(new List<(int, int)> { (20, 21), (24, 25) }, collapsed);

        var missing = TagRanges.FindMissing(20, 30, collapsed);
        Assert.Equal(new List<(int, int)> { (22, 23), (26, 30) }, missing);
        Assert.Equal("[22,23], [26,max]", TagRanges.MissingString(new List<(int, int)> { (22, 23), (26, 536870911) }, 536870911));
        Assert.Empty(TagRanges.FindMissing(20, 21, collapsed));
        Assert.Equal(new List<(int, int)> { (1, 5) }, TagRanges.FindMissing(1, 5, new List<(int, int)>()));
    }
}
