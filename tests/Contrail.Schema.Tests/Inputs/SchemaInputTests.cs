using Contrail.Schema.Inputs;
using Xunit;

namespace Contrail.Schema.Tests.Inputs;

public sealed class SchemaInputTests
{
    [Theory]
    [InlineData("git:main", "main", null)]
    [InlineData("git:HEAD~1:protos", "HEAD~1", "protos")]
    [InlineData("git:v1.2.0:api/protos/", "v1.2.0", "api/protos")]
    [InlineData("git:origin/main:./", "origin/main", "")]
    [InlineData("git:main:", "main", "")]
    [InlineData("git:a1b2c3d:api\\protos", "a1b2c3d", "api/protos")]
    public void Parses_git_inputs(string text, string gitRef, string? subdirectory)
    {
        var input = SchemaInput.Parse(text);

        Assert.Equal(SchemaInputKind.Git, input.Kind);
        Assert.Equal(gitRef, input.GitRef);
        Assert.Equal(subdirectory, input.GitSubdirectory);
        Assert.Equal(text, input.Text);
    }

    [Theory]
    [InlineData("baseline.binpb", SchemaInputKind.Image)]
    [InlineData("out/baseline.PB", SchemaInputKind.Image)]
    [InlineData("baseline.json", SchemaInputKind.Image)]
    [InlineData("protos", SchemaInputKind.Directory)]
    [InlineData("./", SchemaInputKind.Directory)]
    public void Parses_paths_by_extension(string text, SchemaInputKind kind)
    {
        Assert.Equal(kind, SchemaInput.Parse(text).Kind);
    }

    [Theory]
    [InlineData("", "an input is empty (expected a directory, an image file or git:REF[:SUBDIR])")]
    [InlineData("git:", "'git:' names no git ref (expected git:REF[:SUBDIR], e.g. git:main or git:HEAD~1:protos)")]
    [InlineData("git::protos", "'git::protos' names no git ref (expected git:REF[:SUBDIR], e.g. git:main or git:HEAD~1:protos)")]
    [InlineData("git:--output=x", "'git:--output=x' names no git ref (expected git:REF[:SUBDIR], e.g. git:main or git:HEAD~1:protos)")]
    [InlineData("git:main:../outside", "'git:main:../outside': the subdirectory must stay inside the repository (no '..')")]
    public void Rejects_bad_inputs_in_one_line(string text, string message)
    {
        var error = Assert.Throws<SchemaInputException>(() => SchemaInput.Parse(text));
        Assert.Equal(message, error.Message);
    }
}
