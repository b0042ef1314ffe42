using System;
using System.IO;
using System.Linq;
using Contrail.Schema.Images;
using Contrail.Schema.Inputs;
using Contrail.Schema.Protoc;
using Xunit;

namespace Contrail.Schema.Tests.Inputs;

public sealed class SchemaInputResolverTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_directory_compiles_with_imports_and_source_info()
    {
        WriteShop("protos");

        var image = SchemaInputResolver.Load(temp.Combine("protos"));

        Assert.Equal(
            new[] { "acme/common/v1/money.proto", "google/protobuf/timestamp.proto", "acme/shop/v1/orders.proto" },
            image.Files.Select(file => file.Name));
        Assert.Equal(new[] { "acme/common/v1/money.proto", "acme/shop/v1/orders.proto" }, image.OwnFiles.Select(file => file.Name));
        Assert.True(image.IsImport("google/protobuf/timestamp.proto"));
        var orders = image.FindFile("acme/shop/v1/orders.proto")!;
        Assert.Contains(orders.SourceCodeInfo.Location, location => location.LeadingComments == " An order.\n");
    }

    [Fact]
    public void Snapshots_are_deterministic_and_name_no_machine_path()
    {
        WriteShop("one");
        WriteShop("two/nested");

        var first = SchemaImageWriter.WriteBinary(SchemaInputResolver.Load(temp.Combine("one")));
        var second = SchemaImageWriter.WriteBinary(SchemaInputResolver.Load(temp.Combine("two/nested")));
        var again = SchemaImageWriter.WriteBinary(SchemaInputResolver.Load(temp.Combine("one")));

        Assert.Equal(first, second);
        Assert.Equal(first, again);
        var text = System.Text.Encoding.UTF8.GetString(first);
        Assert.DoesNotContain(temp.Path, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), text, StringComparison.Ordinal);
        Assert.DoesNotContain("contrail-", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_include_directory_resolves_imports_that_are_not_checked()
    {
        temp.Write("shared/acme/common/v1/money.proto", Protos.Money);
        temp.Write("protos/acme/shop/v1/orders.proto", Protos.Orders);

        var image = SchemaInputResolver.Load(temp.Combine("protos"), new SchemaInputOptions { IncludePaths = new[] { temp.Combine("shared") } });

        Assert.Equal(new[] { "acme/shop/v1/orders.proto" }, image.OwnFiles.Select(file => file.Name));
        Assert.True(image.IsImport("acme/common/v1/money.proto"));
    }

    [Fact]
    public void An_image_file_loads_by_extension()
    {
        WriteShop("protos");
        var image = SchemaInputResolver.Load(temp.Combine("protos"));
        var path = temp.Combine("out/shop.json");
        SchemaImageWriter.WriteFile(image, path);

        var loaded = SchemaInputResolver.Load(path);

        Assert.Equal(SchemaImageWriter.WriteBinary(image), SchemaImageWriter.WriteBinary(loaded));
    }

    [Fact]
    public void Bad_inputs_are_one_line_SchemaInputExceptions()
    {
        temp.Write("bad/a.proto", "syntax = \"proto3\";\nmessage A {\n  strin x = 1;\n}\n");
        Directory.CreateDirectory(temp.Combine("empty"));
        temp.Write("notes.txt", "x");
        temp.Write("garbage.binpb", "garbage that is not protobuf \u00ff");

        var bad = temp.Combine("bad");
        Assert.Equal(
            $"{bad}/a.proto:3:3: \"strin\" is not defined.",
            Load(bad));
        Assert.Equal($"proto directory '{temp.Combine("empty")}' holds no .proto file", Load(temp.Combine("empty")));
        Assert.Equal($"input not found: '{temp.Combine("missing")}'", Load(temp.Combine("missing")));
        Assert.Equal($"input not found: '{temp.Combine("missing.binpb")}'", Load(temp.Combine("missing.binpb")));
        Assert.StartsWith($"'{temp.Combine("notes.txt")}' is neither a directory nor an image file", Load(temp.Combine("notes.txt")), StringComparison.Ordinal);
        Assert.StartsWith($"{temp.Combine("garbage.binpb")}: not a", Load(temp.Combine("garbage.binpb")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_protoc_is_one_line()
    {
        WriteShop("protos");
        var missing = temp.Combine("no/protoc");

        var error = Assert.Throws<ProtocNotFoundException>(() => ProtocInstallation.Locate(missing));
        Assert.Equal($"protoc not found: the given protoc path names '{missing}', which does not exist", error.Message);

        var notExecutable = temp.Write("fake/protoc", "not a program");
        var options = new SchemaInputOptions { Protoc = new ProtocInstallation(notExecutable, null) };
        var message = Assert.Throws<SchemaInputException>(() => SchemaInputResolver.Load(temp.Combine("protos"), options)).Message;
        Assert.StartsWith($"protoc at '{notExecutable}' could not be started", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_git_ref_reads_the_proto_files_at_that_revision()
    {
        temp.Git("init", "-q", "-b", "main");
        WriteShop("api/protos");
        temp.Write("README.md", "not a proto");
        temp.Git("add", ".");
        temp.Git("commit", "-q", "-m", "first");
        var atFirst = SchemaImageWriter.WriteBinary(SchemaInputResolver.Load(temp.Combine("api/protos")));

        temp.Write("api/protos/acme/shop/v1/orders.proto", Protos.Orders.Replace("string id = 1;", "int64 id = 1;"));
        temp.Git("commit", "-q", "-am", "second");
        var repository = new SchemaInputOptions { GitRepository = temp.Path };

        var head = SchemaInputResolver.Load("git:HEAD~1:api/protos", repository);
        Assert.Equal(atFirst, SchemaImageWriter.WriteBinary(head));
        var main = SchemaInputResolver.Load("git:main:api/protos", repository);
        Assert.Equal(Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type.Int64, main.FindFile("acme/shop/v1/orders.proto")!.MessageType[0].Field[0].Type);

        // Without SUBDIR: the default the caller gives (the CLI gives the current input's directory).
        Assert.Equal("api/protos", SchemaInputResolver.FindGitSubdirectory(temp.Combine("api/protos")));
        var defaulted = SchemaInputResolver.Load("git:HEAD~1", new SchemaInputOptions { GitRepository = temp.Combine("api/protos"), DefaultGitSubdirectory = "api/protos" });
        Assert.Equal(atFirst, SchemaImageWriter.WriteBinary(defaulted));
    }

    [Fact]
    public void A_git_ref_without_subdirectory_or_default_reads_the_repository_root()
    {
        temp.Git("init", "-q", "-b", "main");
        WriteShop(".");
        temp.Git("add", ".");
        temp.Git("commit", "-q", "-m", "first");
        var fromDisk = SchemaImageWriter.WriteBinary(SchemaInputResolver.Load(temp.Path));

        var fromGit = SchemaInputResolver.Load("git:main", new SchemaInputOptions { GitRepository = temp.Combine("acme/shop") });

        Assert.Equal(fromDisk, SchemaImageWriter.WriteBinary(fromGit));
    }

    [Fact]
    public void Git_failures_are_one_line()
    {
        temp.Git("init", "-q", "-b", "main");
        WriteShop("protos");
        temp.Write("docs/readme.md", "x");
        temp.Git("add", ".");
        temp.Git("commit", "-q", "-m", "first");
        var repository = new SchemaInputOptions { GitRepository = temp.Path };

        Assert.Equal(
            $"git:nope: git knows no revision 'nope' in '{temp.Path}'",
            Assert.Throws<SchemaInputException>(() => SchemaInputResolver.Load("git:nope", repository)).Message);
        Assert.Equal(
            "git:main:missing: 'missing' is not a directory at 'main'",
            Assert.Throws<SchemaInputException>(() => SchemaInputResolver.Load("git:main:missing", repository)).Message);
        Assert.Equal(
            "git:main:docs: no .proto file at 'main' under 'docs'",
            Assert.Throws<SchemaInputException>(() => SchemaInputResolver.Load("git:main:docs", repository)).Message);

        temp.Write("protos/acme/shop/v1/orders.proto", "syntax = \"proto3\";\nmessage {\n");
        temp.Git("commit", "-q", "-am", "broken");
        Assert.StartsWith(
            "git:main:protos/acme/shop/v1/orders.proto:2:9: ",
            Assert.Throws<SchemaInputException>(() => SchemaInputResolver.Load("git:main:protos", repository)).Message,
            StringComparison.Ordinal);

        using var notARepository = new TempDirectory();
        var outside = notARepository.Path;
        Assert.Equal(
            $"git:main: '{outside}' is not inside a git repository",
            Assert.Throws<SchemaInputException>(() => SchemaInputResolver.Load("git:main", new SchemaInputOptions { GitRepository = outside })).Message);

        Assert.StartsWith(
            "git not found: git inputs need the git executable on the PATH",
            Assert.Throws<SchemaInputException>(() => SchemaInputResolver.Load("git:main", new SchemaInputOptions { GitRepository = temp.Path, GitExecutable = temp.Combine("no-git") })).Message,
            StringComparison.Ordinal);
    }

    private void WriteShop(string directory)
    {
        temp.Write(directory + "/acme/common/v1/money.proto", Protos.Money);
        temp.Write(directory + "/acme/shop/v1/orders.proto", Protos.Orders);
    }

    private static string Load(string input) =>
        Assert.Throws<SchemaInputException>(() => SchemaInputResolver.Load(input)).Message;
}
