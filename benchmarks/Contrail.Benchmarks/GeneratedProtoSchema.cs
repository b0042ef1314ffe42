using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Contrail.Benchmarks;

/// <summary>
/// A large generated schema for the proto benchmarks: 100 files, each with 20 messages of 20 fields
/// (2,000 messages), one enum and one service of 10 RPCs (100 services); and its "after" version with a
/// realistic change set, the same in <see cref="ProtoBreakingBenchmarks"/> and <c>benchmarks/proto-cli-vs-buf.sh</c>.
/// </summary>
/// <remarks>
/// The change set, per group of ten files: in file 0 a field changes type (FIELD_SAME_TYPE), in file 1 a
/// field is deleted (FIELD_NO_DELETE), in file 2 a field is renamed (FIELD_SAME_NAME, FIELD_SAME_JSON_NAME),
/// in file 3 an RPC is deleted (RPC_NO_DELETE), in file 4 an enum value is deleted (ENUM_VALUE_NO_DELETE),
/// and in every file the first message gains a field and file 5 gains a message (not breaking).
/// 50 breaking changes in all (60 findings under FILE: a rename breaks the name and the JSON name), among some 50,000 unchanged lines.
/// </remarks>
public static class GeneratedProtoSchema
{
    public const int Files = 100;
    public const int MessagesPerFile = 20;
    public const int FieldsPerMessage = 20;
    public const int RpcsPerService = 10;

    private static readonly string[] ScalarTypes = { "int32", "string", "int64", "bool", "double", "bytes", "uint32", "fixed64" };

    /// <summary>Writes the schema into <paramref name="directory"/> (created when missing).</summary>
    /// <param name="directory">The root; files go to <c>gen/f{n}/v1/schema.proto</c>.</param>
    /// <param name="changed">Whether to write the "after" version with the change set.</param>
    public static void Write(string directory, bool changed)
    {
        for (var file = 0; file < Files; file++)
        {
            var path = Path.Combine(directory, "gen", "f" + file.ToString(CultureInfo.InvariantCulture), "v1", "schema.proto");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, FileText(file, changed), new UTF8Encoding(false));
        }
    }

    private static string FileText(int file, bool changed)
    {
        var group = file % 10;
        var text = new StringBuilder();
        var package = $"gen.f{file}.v1";
        text.Append("syntax = \"proto3\";\n\n");
        text.Append("package ").Append(package).Append(";\n\n");
        text.Append("option csharp_namespace = \"Gen.F").Append(file).Append(".V1\";\n\n");

        text.Append("// The status of a record.\n");
        text.Append("enum Status").Append(file).Append(" {\n");
        text.Append("  STATUS").Append(file).Append("_UNSPECIFIED = 0;\n");
        for (var value = 1; value <= 5; value++)
        {
            if (changed && group == 4 && value == 3)
            {
                continue;
            }

            text.Append("  STATUS").Append(file).Append("_VALUE_").Append(value).Append(" = ").Append(value).Append(";\n");
        }

        text.Append("}\n\n");

        for (var message = 0; message < MessagesPerFile; message++)
        {
            text.Append("// Message ").Append(message).Append(" of file ").Append(file).Append(".\n");
            text.Append("message M").Append(message).Append(" {\n");
            for (var field = 1; field <= FieldsPerMessage; field++)
            {
                if (changed && group == 1 && message == 4 && field == 7)
                {
                    continue;
                }

                string type;
                if (field == FieldsPerMessage && message > 0)
                {
                    type = "M" + (message - 1).ToString(CultureInfo.InvariantCulture);
                }
                else if (field == FieldsPerMessage - 1)
                {
                    type = "Status" + file.ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    type = ScalarTypes[(field + message) % ScalarTypes.Length];
                }

                if (changed && group == 0 && message == 3 && field == 5)
                {
                    type = type == "string" ? "int64" : "string";
                }

                var name = changed && group == 2 && message == 2 && field == 2 ? "field_2_renamed" : "field_" + field.ToString(CultureInfo.InvariantCulture);
                var label = field % 7 == 0 ? "repeated " : string.Empty;
                text.Append("  ").Append(label).Append(type).Append(' ').Append(name).Append(" = ").Append(field).Append(";\n");
            }

            if (changed && message == 0)
            {
                text.Append("  string added_field = ").Append(FieldsPerMessage + 1).Append(";\n");
            }

            text.Append("}\n\n");
        }

        if (changed && group == 5)
        {
            text.Append("message AddedMessage {\n  string id = 1;\n}\n\n");
        }

        text.Append("service Service").Append(file).Append(" {\n");
        for (var rpc = 0; rpc < RpcsPerService; rpc++)
        {
            if (changed && group == 3 && rpc == 5)
            {
                continue;
            }

            text.Append("  rpc Call").Append(rpc).Append("(M").Append(rpc).Append(") returns (M").Append(rpc + 1).Append(");\n");
        }

        text.Append("}\n");
        return text.ToString();
    }
}
