using System.Collections.Generic;
using Contrail.Schema.Images;
using Google.Protobuf.Reflection;

namespace Contrail.Schema.Tests.Images;

/// <summary>Small schemas built by hand, so that image tests need no protoc.</summary>
internal static class ImageFixtures
{
    public static FileDescriptorProto Timestamp() => new()
    {
        Name = "google/protobuf/timestamp.proto",
        Package = "google.protobuf",
        Syntax = "proto3",
        MessageType =
        {
            new DescriptorProto
            {
                Name = "Timestamp",
                Field =
                {
                    Field("seconds", 1, FieldDescriptorProto.Types.Type.Int64),
                    Field("nanos", 2, FieldDescriptorProto.Types.Type.Int32),
                },
            },
        },
    };

    public static FileDescriptorProto Common() => new()
    {
        Name = "acme/common/v1/money.proto",
        Package = "acme.common.v1",
        Syntax = "proto3",
        MessageType = { new DescriptorProto { Name = "Money", Field = { Field("units", 1, FieldDescriptorProto.Types.Type.Int64) } } },
    };

    public static FileDescriptorProto Orders() => new()
    {
        Name = "acme/shop/v1/orders.proto",
        Package = "acme.shop.v1",
        Syntax = "proto3",
        Dependency = { "acme/common/v1/money.proto", "google/protobuf/timestamp.proto" },
        MessageType =
        {
            new DescriptorProto
            {
                Name = "Order",
                Field =
                {
                    Field("id", 1, FieldDescriptorProto.Types.Type.String),
                    MessageField("total", 2, ".acme.common.v1.Money"),
                    MessageField("placed_at", 3, ".google.protobuf.Timestamp"),
                },
            },
        },
        SourceCodeInfo = new SourceCodeInfo
        {
            Location =
            {
                new SourceCodeInfo.Types.Location { Path = { 4, 0 }, Span = { 5, 0, 9, 1 } },
                new SourceCodeInfo.Types.Location { Path = { 4, 0, 2, 0 }, Span = { 6, 2, 16 }, LeadingComments = " The order's ID.\n" },
            },
        },
    };

    /// <summary>orders.proto and money.proto as the input's own files, timestamp.proto as an import.</summary>
    public static SchemaImage Shop() => SchemaImageBuilder.Create(
        new[] { Orders(), Common(), Timestamp() },
        new[] { "google/protobuf/timestamp.proto" },
        "fixture");

    public static FieldDescriptorProto Field(string name, int number, FieldDescriptorProto.Types.Type type) => new()
    {
        Name = name,
        Number = number,
        Label = FieldDescriptorProto.Types.Label.Optional,
        Type = type,
        JsonName = name,
    };

    private static FieldDescriptorProto MessageField(string name, int number, string typeName) => new()
    {
        Name = name,
        Number = number,
        Label = FieldDescriptorProto.Types.Label.Optional,
        Type = FieldDescriptorProto.Types.Type.Message,
        TypeName = typeName,
        JsonName = name,
    };

    public static IEnumerable<string> Names(SchemaImage image)
    {
        foreach (var file in image.Files)
        {
            yield return file.Name;
        }
    }
}
