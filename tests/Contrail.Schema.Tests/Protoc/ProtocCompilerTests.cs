using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contrail.Schema.Protoc;
using Xunit;

namespace Contrail.Schema.Tests.Protoc;

public sealed class ProtocCompilerTests
{
    [Fact]
    public void Compiles_a_directory_with_source_info_and_marks_well_known_types_as_imports()
    {
        using var workspace = new ProtoWorkspace("with spaces in name");
        workspace.Write("my protos/acme/orders/v1/orders.proto", "syntax = \"proto3\";\npackage acme.orders.v1;\nimport \"google/protobuf/timestamp.proto\";\nimport \"acme/orders/v1/money.proto\";\nmessage Order {\n  google.protobuf.Timestamp at = 1;\n  Money total = 2;\n}\n");
        workspace.Write("my protos/acme/orders/v1/money.proto", "syntax = \"proto3\";\npackage acme.orders.v1;\nmessage Money { int64 units = 1; }\n");

        var image = workspace.Compile("my protos");

        Assert.Equal(new[] { "acme/orders/v1/money.proto", "acme/orders/v1/orders.proto" }, image.OwnFiles.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.True(image.IsImport("google/protobuf/timestamp.proto"));
        var orders = image.FindFile("acme/orders/v1/orders.proto")!;
        Assert.NotNull(orders.SourceCodeInfo);
        Assert.NotEmpty(orders.SourceCodeInfo.Location);
        // Dependency order: the imports come before the file that needs them.
        var names = image.Files.Select(f => f.Name).ToList();
        Assert.True(names.IndexOf("google/protobuf/timestamp.proto") < names.IndexOf("acme/orders/v1/orders.proto"));
        Assert.True(names.IndexOf("acme/orders/v1/money.proto") < names.IndexOf("acme/orders/v1/orders.proto"));
    }

    [Fact]
    public void Files_found_through_include_paths_are_imports()
    {
        using var workspace = new ProtoWorkspace();
        workspace.Write("vendor/acme/common/v1/money.proto", "syntax = \"proto3\";\npackage acme.common.v1;\nmessage Money { int64 units = 1; }\n");
        workspace.Write("src/acme/orders/v1/orders.proto", "syntax = \"proto3\";\npackage acme.orders.v1;\nimport \"acme/common/v1/money.proto\";\nmessage Order { acme.common.v1.Money total = 1; }\n");

        var image = workspace.Compile("src", new ProtocCompileOptions { IncludePaths = new[] { Path.Combine(workspace.Root, "vendor") } });

        Assert.Equal(new[] { "acme/orders/v1/orders.proto" }, image.OwnFiles.Select(f => f.Name));
        Assert.True(image.IsImport("acme/common/v1/money.proto"));
    }

    [Fact]
    public void Malformed_proto_becomes_located_errors_with_a_one_line_message()
    {
        using var workspace = new ProtoWorkspace();
        workspace.Write("protos/acme/bad.proto", "syntax = \"proto3\";\npackage acme;\nmessage Order {\n  string id = 1\n  Missing other = 2;\n}\n");

        var exception = Assert.Throws<ProtocCompilationException>(() => workspace.Compile("protos"));

        Assert.NotEmpty(exception.Errors);
        var first = exception.Errors[0];
        Assert.Equal("acme/bad.proto", first.Path);
        Assert.Equal(5, first.Line);
        Assert.True(first.Column > 0);
        Assert.False(first.IsWarning);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.StartsWith("acme/bad.proto:5:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolved_import_is_reported_at_the_importing_file()
    {
        using var workspace = new ProtoWorkspace();
        workspace.Write("protos/acme/a.proto", "syntax = \"proto3\";\npackage acme;\nimport \"acme/missing.proto\";\nmessage A {}\n");

        var exception = Assert.Throws<ProtocCompilationException>(() => workspace.Compile("protos"));

        Assert.Contains(exception.Errors, error => error.Message.Contains("acme/missing.proto", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_and_missing_directories_are_one_line_errors()
    {
        using var workspace = new ProtoWorkspace();
        workspace.CreateDirectory("empty");
        workspace.Write("empty/readme.txt", "no protos here");

        var empty = Assert.Throws<ProtocException>(() => workspace.Compile("empty"));
        Assert.Contains("holds no .proto file", empty.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<ProtocException>(() => workspace.Compile("nowhere"));
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_protoc_path_that_does_not_exist_is_reported_as_not_found()
    {
        var exception = Assert.Throws<ProtocNotFoundException>(() => ProtocInstallation.Locate(Path.Combine(Path.GetTempPath(), "no-such-dir", "protoc")));
        Assert.Contains("does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_protoc_that_cannot_start_is_reported_as_not_found()
    {
        using var workspace = new ProtoWorkspace();
        workspace.Write("protos/a.proto", "syntax = \"proto3\";\nmessage A {}\n");
        var notExecutable = workspace.Write("bin/protoc", "this is not a program");

        var exception = Assert.ThrowsAny<ProtocException>(() => workspace.Compile("protos", new ProtocCompileOptions { Installation = new ProtocInstallation(notExecutable, null) }));

        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void Locates_the_highest_grpc_tools_version_under_nuget_packages()
    {
        using var workspace = new ProtoWorkspace();
        var platform = ProtocInstallation.Locate().ProtocPath.Split(Path.DirectorySeparatorChar).Reverse().Skip(1).First();
        var executable = OperatingSystem.IsWindows() ? "protoc.exe" : "protoc";
        foreach (var version in new[] { "2.9.0", "2.10.0", "2.11.0-pre1" })
        {
            workspace.Write($"packages/grpc.tools/{version}/tools/{platform}/{executable}", "fake");
        }

        workspace.Write("packages/grpc.tools/2.10.0/build/native/include/google/protobuf/descriptor.proto", "// fake");
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(workspace.Root, "packages") };

        var installation = ProtocInstallation.Locate(null, name => environment.TryGetValue(name, out var value) ? value : null);

        Assert.Equal(Path.Combine(workspace.Root, "packages", "grpc.tools", "2.11.0-pre1", "tools", platform, executable), installation.ProtocPath);
        Assert.Null(installation.WellKnownTypesDirectory);
    }

    [Fact]
    public void Environment_variable_wins_over_the_package_and_missing_everything_is_explained()
    {
        using var workspace = new ProtoWorkspace();
        var fake = workspace.Write("tools/protoc", "fake");
        var fromVariable = ProtocInstallation.Locate(null, name => name == ProtocInstallation.EnvironmentVariable ? fake : null);
        Assert.Equal(fake, fromVariable.ProtocPath);

        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(workspace.Root, "empty-packages") };
        var exception = Assert.Throws<ProtocNotFoundException>(() => ProtocInstallation.Locate(null, name => environment.TryGetValue(name, out var value) ? value : null));
        Assert.Contains(ProtocInstallation.EnvironmentVariable, exception.Message, StringComparison.Ordinal);
        Assert.Contains("Grpc.Tools", exception.Message, StringComparison.Ordinal);
    }
}
