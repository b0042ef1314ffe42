namespace Contrail.Analyzers.Diagnostics;

internal static partial class DiagnosticIds
{
    // Proto contracts, infrastructure (CTR20xx): what keeps the check from running, or a hint.

    /// <summary>The project has .proto files but no baseline to compare them with.</summary>
    public const string ProtoBaselineMissing = "CTR2001";

    /// <summary>The baseline file cannot be read or is not a FileDescriptorSet or buf image.</summary>
    public const string ProtoBaselineUnreadable = "CTR2002";

    /// <summary>protoc rejected a .proto file.</summary>
    public const string ProtoCompilationFailed = "CTR2003";

    /// <summary>protoc could not be found or run.</summary>
    public const string ProtocUnavailable = "CTR2004";

    /// <summary>A proto contract setting (MSBuild property) has a value Contrail does not know.</summary>
    public const string ProtoContractsConfigurationInvalid = "CTR2005";

    /// <summary>The baseline describes none of the project's .proto files.</summary>
    public const string ProtoBaselineUnrelated = "CTR2006";

    /// <summary>The proto contract check failed for a reason that is not the input's (a defect to report).</summary>
    public const string ProtoContractCheckFailed = "CTR2007";

    // Proto contracts, one ID per buf breaking rule (CTR21xx), in the order of buf's rule list by category.

    /// <summary>buf rule ENUM_NO_DELETE: An enum was deleted from a file.</summary>
    public const string EnumNoDelete = "CTR2101";

    /// <summary>buf rule EXTENSION_NO_DELETE: An extension was deleted from a file.</summary>
    public const string ExtensionNoDelete = "CTR2102";

    /// <summary>buf rule FILE_NO_DELETE: A .proto file was deleted.</summary>
    public const string FileNoDelete = "CTR2103";

    /// <summary>buf rule MESSAGE_NO_DELETE: A message was deleted from a file.</summary>
    public const string MessageNoDelete = "CTR2104";

    /// <summary>buf rule SERVICE_NO_DELETE: A service was deleted from a file.</summary>
    public const string ServiceNoDelete = "CTR2105";

    /// <summary>buf rule ENUM_SAME_TYPE: An enum changed between open and closed.</summary>
    public const string EnumSameType = "CTR2106";

    /// <summary>buf rule ENUM_VALUE_NO_DELETE: An enum value was deleted.</summary>
    public const string EnumValueNoDelete = "CTR2107";

    /// <summary>buf rule EXTENSION_MESSAGE_NO_DELETE: An extension range was deleted.</summary>
    public const string ExtensionMessageNoDelete = "CTR2108";

    /// <summary>buf rule FIELD_NO_DELETE: A field was deleted.</summary>
    public const string FieldNoDelete = "CTR2109";

    /// <summary>buf rule FIELD_SAME_CARDINALITY: A field's cardinality changed.</summary>
    public const string FieldSameCardinality = "CTR2110";

    /// <summary>buf rule FIELD_SAME_CPP_STRING_TYPE: A field's C++ string type changed.</summary>
    public const string FieldSameCppStringType = "CTR2111";

    /// <summary>buf rule FIELD_SAME_JAVA_UTF8_VALIDATION: A field's Java UTF-8 validation changed.</summary>
    public const string FieldSameJavaUtf8Validation = "CTR2112";

    /// <summary>buf rule FIELD_SAME_JSTYPE: A field's jstype changed.</summary>
    public const string FieldSameJstype = "CTR2113";

    /// <summary>buf rule FIELD_SAME_TYPE: A field's type changed.</summary>
    public const string FieldSameType = "CTR2114";

    /// <summary>buf rule FIELD_SAME_UTF8_VALIDATION: A field's UTF-8 validation changed.</summary>
    public const string FieldSameUtf8Validation = "CTR2115";

    /// <summary>buf rule FILE_SAME_CC_ENABLE_ARENAS: The file option cc_enable_arenas changed.</summary>
    public const string FileSameCcEnableArenas = "CTR2116";

    /// <summary>buf rule FILE_SAME_CC_GENERIC_SERVICES: The file option cc_generic_services changed.</summary>
    public const string FileSameCcGenericServices = "CTR2117";

    /// <summary>buf rule FILE_SAME_CSHARP_NAMESPACE: The file option csharp_namespace changed.</summary>
    public const string FileSameCsharpNamespace = "CTR2118";

    /// <summary>buf rule FILE_SAME_GO_PACKAGE: The file option go_package changed.</summary>
    public const string FileSameGoPackage = "CTR2119";

    /// <summary>buf rule FILE_SAME_JAVA_GENERIC_SERVICES: The file option java_generic_services changed.</summary>
    public const string FileSameJavaGenericServices = "CTR2120";

    /// <summary>buf rule FILE_SAME_JAVA_MULTIPLE_FILES: The file option java_multiple_files changed.</summary>
    public const string FileSameJavaMultipleFiles = "CTR2121";

    /// <summary>buf rule FILE_SAME_JAVA_OUTER_CLASSNAME: The file option java_outer_classname changed.</summary>
    public const string FileSameJavaOuterClassname = "CTR2122";

    /// <summary>buf rule FILE_SAME_JAVA_PACKAGE: The file option java_package changed.</summary>
    public const string FileSameJavaPackage = "CTR2123";

    /// <summary>buf rule FILE_SAME_OBJC_CLASS_PREFIX: The file option objc_class_prefix changed.</summary>
    public const string FileSameObjcClassPrefix = "CTR2124";

    /// <summary>buf rule FILE_SAME_OPTIMIZE_FOR: The file option optimize_for changed.</summary>
    public const string FileSameOptimizeFor = "CTR2125";

    /// <summary>buf rule FILE_SAME_PHP_CLASS_PREFIX: The file option php_class_prefix changed.</summary>
    public const string FileSamePhpClassPrefix = "CTR2126";

    /// <summary>buf rule FILE_SAME_PHP_METADATA_NAMESPACE: The file option php_metadata_namespace changed.</summary>
    public const string FileSamePhpMetadataNamespace = "CTR2127";

    /// <summary>buf rule FILE_SAME_PHP_NAMESPACE: The file option php_namespace changed.</summary>
    public const string FileSamePhpNamespace = "CTR2128";

    /// <summary>buf rule FILE_SAME_PY_GENERIC_SERVICES: The file option py_generic_services changed.</summary>
    public const string FileSamePyGenericServices = "CTR2129";

    /// <summary>buf rule FILE_SAME_RUBY_PACKAGE: The file option ruby_package changed.</summary>
    public const string FileSameRubyPackage = "CTR2130";

    /// <summary>buf rule FILE_SAME_SWIFT_PREFIX: The file option swift_prefix changed.</summary>
    public const string FileSameSwiftPrefix = "CTR2131";

    /// <summary>buf rule FILE_SAME_SYNTAX: A file's syntax changed.</summary>
    public const string FileSameSyntax = "CTR2132";

    /// <summary>buf rule MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR: A message's standard descriptor accessor was removed.</summary>
    public const string MessageNoRemoveStandardDescriptorAccessor = "CTR2133";

    /// <summary>buf rule ONEOF_NO_DELETE: A oneof was deleted.</summary>
    public const string OneofNoDelete = "CTR2134";

    /// <summary>buf rule RPC_NO_DELETE: An RPC was deleted.</summary>
    public const string RpcNoDelete = "CTR2135";

    /// <summary>buf rule ENUM_SAME_JSON_FORMAT: An enum's JSON format support changed.</summary>
    public const string EnumSameJsonFormat = "CTR2136";

    /// <summary>buf rule ENUM_VALUE_SAME_NAME: An enum value's name changed.</summary>
    public const string EnumValueSameName = "CTR2137";

    /// <summary>buf rule FIELD_SAME_JSON_NAME: A field's JSON name changed.</summary>
    public const string FieldSameJsonName = "CTR2138";

    /// <summary>buf rule FIELD_SAME_NAME: A field's name changed.</summary>
    public const string FieldSameName = "CTR2139";

    /// <summary>buf rule MESSAGE_SAME_JSON_FORMAT: A message's JSON format support changed.</summary>
    public const string MessageSameJsonFormat = "CTR2140";

    /// <summary>buf rule FIELD_SAME_DEFAULT: A field's default value changed.</summary>
    public const string FieldSameDefault = "CTR2141";

    /// <summary>buf rule FIELD_SAME_ONEOF: A field moved into or out of a oneof.</summary>
    public const string FieldSameOneof = "CTR2142";

    /// <summary>buf rule FILE_SAME_PACKAGE: A file's package changed.</summary>
    public const string FileSamePackage = "CTR2143";

    /// <summary>buf rule MESSAGE_SAME_REQUIRED_FIELDS: A message's required fields changed.</summary>
    public const string MessageSameRequiredFields = "CTR2144";

    /// <summary>buf rule RESERVED_ENUM_NO_DELETE: An enum's reserved range or name was deleted.</summary>
    public const string ReservedEnumNoDelete = "CTR2145";

    /// <summary>buf rule RESERVED_MESSAGE_NO_DELETE: A message's reserved range or name was deleted.</summary>
    public const string ReservedMessageNoDelete = "CTR2146";

    /// <summary>buf rule RPC_SAME_CLIENT_STREAMING: An RPC's client streaming changed.</summary>
    public const string RpcSameClientStreaming = "CTR2147";

    /// <summary>buf rule RPC_SAME_IDEMPOTENCY_LEVEL: An RPC's idempotency level changed.</summary>
    public const string RpcSameIdempotencyLevel = "CTR2148";

    /// <summary>buf rule RPC_SAME_REQUEST_TYPE: An RPC's request type changed.</summary>
    public const string RpcSameRequestType = "CTR2149";

    /// <summary>buf rule RPC_SAME_RESPONSE_TYPE: An RPC's response type changed.</summary>
    public const string RpcSameResponseType = "CTR2150";

    /// <summary>buf rule RPC_SAME_SERVER_STREAMING: An RPC's server streaming changed.</summary>
    public const string RpcSameServerStreaming = "CTR2151";

    /// <summary>buf rule PACKAGE_ENUM_NO_DELETE: An enum was deleted from a package.</summary>
    public const string PackageEnumNoDelete = "CTR2152";

    /// <summary>buf rule PACKAGE_EXTENSION_NO_DELETE: An extension was deleted from a package.</summary>
    public const string PackageExtensionNoDelete = "CTR2153";

    /// <summary>buf rule PACKAGE_MESSAGE_NO_DELETE: A message was deleted from a package.</summary>
    public const string PackageMessageNoDelete = "CTR2154";

    /// <summary>buf rule PACKAGE_NO_DELETE: A package was deleted.</summary>
    public const string PackageNoDelete = "CTR2155";

    /// <summary>buf rule PACKAGE_SERVICE_NO_DELETE: A service was deleted from a package.</summary>
    public const string PackageServiceNoDelete = "CTR2156";

    /// <summary>buf rule ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED: An enum value was deleted without reserving its name.</summary>
    public const string EnumValueNoDeleteUnlessNameReserved = "CTR2157";

    /// <summary>buf rule FIELD_NO_DELETE_UNLESS_NAME_RESERVED: A field was deleted without reserving its name.</summary>
    public const string FieldNoDeleteUnlessNameReserved = "CTR2158";

    /// <summary>buf rule FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY: A field's cardinality changed incompatibly for binary or JSON.</summary>
    public const string FieldWireJsonCompatibleCardinality = "CTR2159";

    /// <summary>buf rule FIELD_WIRE_JSON_COMPATIBLE_TYPE: A field's type changed incompatibly for binary or JSON.</summary>
    public const string FieldWireJsonCompatibleType = "CTR2160";

    /// <summary>buf rule ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED: An enum value was deleted without reserving its number.</summary>
    public const string EnumValueNoDeleteUnlessNumberReserved = "CTR2161";

    /// <summary>buf rule FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED: A field was deleted without reserving its number.</summary>
    public const string FieldNoDeleteUnlessNumberReserved = "CTR2162";

    /// <summary>buf rule FIELD_WIRE_COMPATIBLE_CARDINALITY: A field's cardinality changed incompatibly on the wire.</summary>
    public const string FieldWireCompatibleCardinality = "CTR2163";

    /// <summary>buf rule FIELD_WIRE_COMPATIBLE_TYPE: A field's type changed incompatibly on the wire.</summary>
    public const string FieldWireCompatibleType = "CTR2164";
}
