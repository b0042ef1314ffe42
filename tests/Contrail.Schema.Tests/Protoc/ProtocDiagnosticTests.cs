using Contrail.Schema.Protoc;
using Xunit;

namespace Contrail.Schema.Tests.Protoc;

public sealed class ProtocDiagnosticTests
{
    [Fact]
    public void Parses_located_errors_warnings_and_file_level_messages()
    {
        var parsed = ProtocDiagnostic.Parse(
            "acme/orders.proto:12:5: \"Foo\" is not defined.\n" +
            "acme/orders.proto:3:1: warning: Import google/protobuf/empty.proto is unused.\n" +
            "acme/missing.proto: File not found.\n");

        Assert.Equal(3, parsed.Count);
        Assert.Equal(new ProtocDiagnostic("acme/orders.proto", 12, 5, "\"Foo\" is not defined.", false), parsed[0]);
        Assert.Equal(new ProtocDiagnostic("acme/orders.proto", 3, 1, "Import google/protobuf/empty.proto is unused.", true), parsed[1]);
        Assert.Equal(new ProtocDiagnostic("acme/missing.proto", 0, 0, "File not found.", false), parsed[2]);
    }

    [Fact]
    public void Windows_paths_keep_their_drive_colon()
    {
        var parsed = ProtocDiagnostic.Parse("C:\\src\\a b\\x.proto:7:14: Expected \";\".\r\n");

        var single = Assert.Single(parsed);
        Assert.Equal("C:\\src\\a b\\x.proto", single.Path);
        Assert.Equal(7, single.Line);
        Assert.Equal(14, single.Column);
        Assert.Equal("C:\\src\\a b\\x.proto:7:14: Expected \";\".", single.ToString());
    }

    [Fact]
    public void Continuation_lines_join_the_previous_message()
    {
        var parsed = ProtocDiagnostic.Parse("a.proto:1:1: first part\n   second part\n");

        Assert.Equal("first part second part", Assert.Single(parsed).Message);
    }
}
