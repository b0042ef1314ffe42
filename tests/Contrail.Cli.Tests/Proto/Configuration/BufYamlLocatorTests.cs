using System;
using Contrail.Cli.Proto.Configuration;
using Xunit;

namespace Contrail.Cli.Tests.Proto.Configuration;

public sealed class BufYamlLocatorTests : IDisposable
{
    private readonly ProtoWorkspace temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Finds_the_buf_yaml_beside_the_input()
    {
        temp.Write("protos/buf.yaml", "version: v1\nbreaking:\n  use: [WIRE]\n");

        var located = BufYamlLocator.Locate(temp.Combine("protos"));

        Assert.NotNull(located);
        Assert.Equal(string.Empty, located!.ModuleDirectory);
        Assert.Equal(new[] { "WIRE" }, located.Options.Use);
        Assert.Equal(temp.Combine("protos/buf.yaml"), located.Configuration.Path);
    }

    [Fact]
    public void Finds_a_v2_workspace_above_that_lists_the_input_as_a_module()
    {
        temp.Write("buf.yaml", "version: v2\nmodules:\n  - path: api/proto\nbreaking:\n  ignore: [api/proto/acme/legacy]\n");
        temp.Write("api/proto/acme/a.proto", "syntax = \"proto3\";\n");

        var located = BufYamlLocator.Locate(temp.Combine("api/proto"));

        Assert.NotNull(located);
        Assert.Equal("api/proto", located!.ModuleDirectory);
        Assert.Equal(new[] { "acme/legacy" }, located.Options.Ignore);
    }

    [Fact]
    public void A_nearest_buf_yaml_that_does_not_configure_the_input_applies_to_nothing()
    {
        temp.Write("buf.yaml", "version: v2\nmodules:\n  - path: other\n");
        temp.Write("outer/buf.yaml", "this: [is not read\n");
        System.IO.Directory.CreateDirectory(temp.Combine("api"));

        Assert.Null(BufYamlLocator.Locate(temp.Combine("api")));
    }

    [Fact]
    public void A_broken_buf_yaml_beside_the_input_is_an_error()
    {
        temp.Write("protos/buf.yaml", "version: v2\nbreaking:\n  use: [NOT_A_RULE]\n");

        var error = Assert.Throws<BufYamlException>(() => BufYamlLocator.Locate(temp.Combine("protos")));
        Assert.Equal($"{temp.Combine("protos/buf.yaml")}:3:9: unknown breaking rule or category 'NOT_A_RULE'", error.Message);
    }
}
