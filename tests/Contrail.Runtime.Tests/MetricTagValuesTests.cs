using Contrail.Generated;
using Xunit;

namespace Contrail.Runtime.Tests;

/// <summary>The tag-value boxes the generated metric methods put in a <c>TagList</c>.</summary>
public sealed class MetricTagValuesTests
{
    [Fact]
    public void Booleans_come_from_two_boxes()
    {
        Assert.Same(MetricTagValues.Box(true), MetricTagValues.Box(true));
        Assert.Same(MetricTagValues.Box(false), MetricTagValues.Box(false));
        Assert.Equal(true, MetricTagValues.Box(true));
        Assert.Equal(false, MetricTagValues.Box(false));
    }

    [Theory]
    [InlineData(-128)]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(1023)]
    public void Small_integers_come_from_cached_boxes_of_long(long value)
    {
        Assert.Same(MetricTagValues.Box(value), MetricTagValues.Box(value));
        Assert.Equal(value, Assert.IsType<long>(MetricTagValues.Box(value)));
    }

    [Theory]
    [InlineData(-129)]
    [InlineData(1024)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Other_integers_get_a_new_box_of_the_same_value(long value)
    {
        Assert.NotSame(MetricTagValues.Box(value), MetricTagValues.Box(value));
        Assert.Equal(value, Assert.IsType<long>(MetricTagValues.Box(value)));
    }
}
