using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Contrail.Schema.Breaking;

/// <summary>
/// Reads the language features <c>(pb.cpp).string_type</c> and <c>(pb.java).utf8_validation</c> from a
/// <see cref="FeatureSet"/>. Google.Protobuf does not register those extensions, so they arrive as unknown
/// fields; re-serializing the set and reading fields 1000 (pb.cpp) and 1001 (pb.java) recovers them.
/// </summary>
internal static class FeatureExtensions
{
    private const int CppFeaturesNumber = 1000;
    private const int JavaFeaturesNumber = 1001;
    private const int StringTypeNumber = 2;
    private const int JavaUtf8ValidationNumber = 2;

    public static void Read(FeatureSet set, ref int cppStringType, ref int javaUtf8Validation)
    {
        if (set.CalculateSize() == 0)
        {
            return;
        }

        var input = new CodedInputStream(set.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            if ((number == CppFeaturesNumber || number == JavaFeaturesNumber) && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                var bytes = input.ReadBytes();
                var wanted = number == CppFeaturesNumber ? StringTypeNumber : JavaUtf8ValidationNumber;
                var value = ReadVarintField(bytes, wanted);
                if (value.HasValue)
                {
                    if (number == CppFeaturesNumber)
                    {
                        cppStringType = value.Value;
                    }
                    else
                    {
                        javaUtf8Validation = value.Value;
                    }
                }
            }
            else
            {
                input.SkipLastField();
            }
        }
    }

    private static int? ReadVarintField(ByteString bytes, int wanted)
    {
        var input = bytes.CreateCodedInput();
        int? result = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == wanted && WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint)
            {
                result = input.ReadInt32();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return result;
    }
}
