using System;
using System.IO;
using System.Linq;
using Contrail.Schema.Images;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Xunit;

namespace Contrail.Schema.Tests.Images;

public sealed class SchemaImageReaderTests
{
    [Fact]
    public void Binary_round_trip_keeps_files_imports_and_source_info()
    {
        var image = ImageFixtures.Shop();

        var read = SchemaImageReader.ReadBinary(SchemaImageWriter.WriteBinary(image), "shop.binpb");

        Assert.Equal(
            new[] { "acme/common/v1/money.proto", "google/protobuf/timestamp.proto", "acme/shop/v1/orders.proto" },
            ImageFixtures.Names(read));
        Assert.True(read.IsImport("google/protobuf/timestamp.proto"));
        Assert.False(read.IsImport("acme/shop/v1/orders.proto"));
        Assert.Equal(new[] { "acme/common/v1/money.proto", "acme/shop/v1/orders.proto" }, read.OwnFiles.Select(f => f.Name));
        Assert.Equal(ImageFixtures.Orders(), read.FindFile("acme/shop/v1/orders.proto"));
        Assert.Equal(" The order's ID.\n", read.FindFile("acme/shop/v1/orders.proto")!.SourceCodeInfo.Location[1].LeadingComments);
    }

    [Fact]
    public void Json_round_trip_keeps_files_and_imports()
    {
        var image = ImageFixtures.Shop();

        var json = SchemaImageWriter.WriteJson(image);
        var read = SchemaImageReader.ReadJson(json, "shop.json");

        Assert.Contains("\"bufExtension\": { \"isImport\": true }", json, StringComparison.Ordinal);
        Assert.Equal(ImageFixtures.Names(image), ImageFixtures.Names(read));
        Assert.Equal(new[] { "acme/common/v1/money.proto", "acme/shop/v1/orders.proto" }, read.OwnFiles.Select(f => f.Name));
        Assert.Equal(ImageFixtures.Orders(), read.FindFile("acme/shop/v1/orders.proto"));
    }

    [Fact]
    public void The_written_image_is_a_FileDescriptorSet_with_bufs_extension_on_every_file()
    {
        var bytes = SchemaImageWriter.WriteBinary(ImageFixtures.Shop());

        var set = FileDescriptorSet.Parser.ParseFrom(bytes);
        Assert.Equal(3, set.File.Count);
        Assert.Equal(ImageFixtures.Common().Name, set.File[0].Name);

        // Each file ends with field 8042 { 1: is_import }, as buf writes it.
        var first = set.File[0].ToByteArray();
        Assert.Equal(new byte[] { 0xD2, 0xF6, 0x03, 0x02, 0x08, 0x00 }, first.Skip(first.Length - 6).ToArray());
        var second = set.File[1].ToByteArray();
        Assert.Equal(new byte[] { 0xD2, 0xF6, 0x03, 0x02, 0x08, 0x01 }, second.Skip(second.Length - 6).ToArray());
    }

    [Fact]
    public void Reads_a_buf_style_extension_with_fields_it_does_not_know()
    {
        // 8042 { 1: true, 3: false, 99: "future" } after the file's own fields.
        var file = ImageFixtures.Timestamp().ToByteArray();
        var extension = new byte[] { 0x08, 0x01, 0x18, 0x00, 0x9A, 0x06, 0x06, (byte)'f', (byte)'u', (byte)'t', (byte)'u', (byte)'r', (byte)'e' };
        var set = Set(Concat(file, Tagged(8042, extension)), ImageFixtures.Common().ToByteArray());

        var image = SchemaImageReader.ReadBinary(set, "buf.binpb");

        Assert.True(image.IsImport("google/protobuf/timestamp.proto"));
        Assert.False(image.IsImport("acme/common/v1/money.proto"));
        Assert.Equal(ImageFixtures.Timestamp(), image.FindFile("google/protobuf/timestamp.proto"));
    }

    [Fact]
    public void Reads_the_extension_in_the_middle_of_a_file_and_keeps_the_fields_after_it()
    {
        var timestamp = ImageFixtures.Timestamp();
        var nameAndPackage = new FileDescriptorProto { Name = timestamp.Name, Package = timestamp.Package }.ToByteArray();
        var rest = new FileDescriptorProto { MessageType = { timestamp.MessageType }, Syntax = timestamp.Syntax }.ToByteArray();
        var set = Set(Concat(nameAndPackage, Tagged(8042, new byte[] { 0x08, 0x01 }), rest));

        var image = SchemaImageReader.ReadBinary(set, "buf.binpb");

        Assert.Equal(timestamp, image.Files.Single());
        Assert.True(image.IsImport(timestamp.Name));
    }

    [Fact]
    public void A_plain_FileDescriptorSet_has_no_imports()
    {
        var set = new FileDescriptorSet { File = { ImageFixtures.Timestamp(), ImageFixtures.Common(), ImageFixtures.Orders() } };

        var image = SchemaImageReader.ReadBinary(set.ToByteArray(), "protoc.pb");

        Assert.Equal(3, image.OwnFiles.Count());
    }

    [Fact]
    public void Reads_bufs_json_with_snake_case_names_and_unknown_keys()
    {
        const string json = """
            {"file":[{"name":"a.proto","package":"a","message_type":[{"name":"A"}],"buf_extension":{"is_import":false,"is_syntax_unspecified":true},"futureKey":1},
                     {"name":"b.proto","dependency":["a.proto"],"bufExtension":{"isImport":true}}]}
            """;

        var image = SchemaImageReader.ReadJson(json, "x.json");

        Assert.Equal(new[] { "a.proto", "b.proto" }, ImageFixtures.Names(image));
        Assert.Equal("A", image.FindFile("a.proto")!.MessageType[0].Name);
        Assert.True(image.IsImport("b.proto"));
        Assert.False(image.IsImport("a.proto"));
    }

    [Fact]
    public void ReadFile_chooses_the_format_by_extension()
    {
        var directory = Path.Combine(Path.GetTempPath(), "contrail-schema-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var image = ImageFixtures.Shop();
            foreach (var name in new[] { "a.binpb", "a.pb", "a.bin", "a.JSON" })
            {
                var path = Path.Combine(directory, name);
                SchemaImageWriter.WriteFile(image, path);
                Assert.Equal(ImageFixtures.Names(image), ImageFixtures.Names(SchemaImageReader.ReadFile(path)));
            }

            Assert.StartsWith("{\"file\":[", File.ReadAllText(Path.Combine(directory, "a.JSON")), StringComparison.Ordinal);
            var unknown = Path.Combine(directory, "a.txt");
            File.WriteAllText(unknown, "x");
            var error = Assert.Throws<SchemaFormatException>(() => SchemaImageReader.ReadFile(unknown));
            Assert.Equal($"{unknown}: unknown image extension '.txt' (expected .binpb, .pb, .bin, .json)", error.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Same_schema_in_any_order_gives_the_same_bytes()
    {
        var forward = SchemaImageBuilder.Create(new[] { ImageFixtures.Timestamp(), ImageFixtures.Common(), ImageFixtures.Orders() }, new[] { "google/protobuf/timestamp.proto" }, "a");
        var backward = new SchemaImage(new[] { ImageFixtures.Orders(), ImageFixtures.Timestamp(), ImageFixtures.Common() }, new[] { "google/protobuf/timestamp.proto" });

        Assert.Equal(SchemaImageWriter.WriteBinary(forward), SchemaImageWriter.WriteBinary(backward));
        Assert.Equal(SchemaImageWriter.WriteJson(forward), SchemaImageWriter.WriteJson(backward));
        var reread = SchemaImageReader.ReadBinary(SchemaImageWriter.WriteBinary(backward), "x");
        Assert.Equal(SchemaImageWriter.WriteBinary(forward), SchemaImageWriter.WriteBinary(reread));
    }

    [Theory]
    [InlineData(new byte[0], "empty.binpb: the image holds no files (an empty file, or not a FileDescriptorSet or buf image)")]
    [InlineData(new byte[] { 0x10, 0x01 }, "empty.binpb: not a FileDescriptorSet or buf image (unexpected field 2 at byte 1)")]
    [InlineData(new byte[] { 0x0A, 0x05, 0x0A }, "empty.binpb: not a valid FileDescriptorSet or buf image (")]
    [InlineData(new byte[] { 0x0A, 0x02, 0x12, 0x01 }, "empty.binpb: not a valid FileDescriptorSet or buf image (")]
    [InlineData(new byte[] { 0xFF, 0xFF }, "empty.binpb: not a valid FileDescriptorSet or buf image (")]
    public void Binary_garbage_is_one_SchemaFormatException(byte[] content, string expected)
    {
        var error = Assert.Throws<SchemaFormatException>(() => SchemaImageReader.ReadBinary(content, "empty.binpb"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "x.json: not valid JSON (")]
    [InlineData("[1]", "x.json: not a valid FileDescriptorSet or buf image in JSON (")]
    [InlineData("{\"files\":[]}", "x.json: not a FileDescriptorSet or buf image (unexpected key \"files\")")]
    [InlineData("{\"file\":{}}", "x.json: not a FileDescriptorSet or buf image (\"file\" is not a list)")]
    [InlineData("{\"file\":[1]}", "x.json: file #1 is not a JSON object")]
    [InlineData("{\"file\":[{\"name\":\"a.proto\",\"messageType\":7}]}", "x.json: not a valid FileDescriptorSet or buf image in JSON (")]
    [InlineData("{\"file\":[{\"name\":\"a.proto\",\"bufExtension\":{\"isImport\":\"yes\"}}]}", "x.json: file #1: \"isImport\" is not true or false")]
    [InlineData("{\"file\":[]}", "x.json: the image holds no files")]
    public void Json_garbage_is_one_SchemaFormatException(string json, string expected)
    {
        var error = Assert.Throws<SchemaFormatException>(() => SchemaImageReader.ReadJson(json, "x.json"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_that_is_not_utf8_is_one_SchemaFormatException()
    {
        var error = Assert.Throws<SchemaFormatException>(() => SchemaImageReader.Read(new byte[] { 0x7B, 0xFF, 0xFE }, SchemaImageFormat.Json, "x.json"));
        Assert.Equal("x.json: not valid JSON (the file is not UTF-8 text)", error.Message);
    }

    [Fact]
    public void Invalid_schemas_name_the_file_and_the_problem()
    {
        Assert.Equal(
            "b.binpb: file #2 has no name",
            Read(ImageFixtures.Common(), new FileDescriptorProto()).Message);
        Assert.Equal(
            "b.binpb: 'acme/common/v1/money.proto' is in the image twice",
            Read(ImageFixtures.Common(), ImageFixtures.Common()).Message);
        Assert.Equal(
            "b.binpb: 'acme/shop/v1/orders.proto' imports 'google/protobuf/timestamp.proto', which the image does not hold",
            Read(ImageFixtures.Orders(), ImageFixtures.Common()).Message);
        Assert.Equal(
            "b.binpb: import cycle: 'a.proto' -> 'b.proto' -> 'a.proto'",
            Read(new FileDescriptorProto { Name = "a.proto", Dependency = { "b.proto" } }, new FileDescriptorProto { Name = "b.proto", Dependency = { "a.proto" } }).Message);
        Assert.Equal(
            "b.binpb: 'a.proto' names import #1 as public or weak, but has 1 imports",
            Read(new FileDescriptorProto { Name = "a.proto", Dependency = { "b.proto" }, PublicDependency = { 1 } }, new FileDescriptorProto { Name = "b.proto" }).Message);
    }

    private static SchemaFormatException Read(params FileDescriptorProto[] files) =>
        Assert.Throws<SchemaFormatException>(() => SchemaImageReader.ReadBinary(new FileDescriptorSet { File = { files } }.ToByteArray(), "b.binpb"));

    private static byte[] Set(params byte[][] files)
    {
        var set = Array.Empty<byte>();
        foreach (var file in files)
        {
            set = Concat(set, Tagged(1, file));
        }

        return set;
    }

    private static byte[] Tagged(int field, byte[] content)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(content));
        output.Flush();
        return buffer.ToArray();
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();
}
