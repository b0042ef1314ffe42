using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Contrail.Analyzers.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    /// <summary>The category of every proto contract diagnostic.</summary>
    public const string ProtoContractsCategory = "Contrail.ProtoContracts";

    public static readonly DiagnosticDescriptor ProtoBaselineMissing = CreateProtoContract(
        DiagnosticIds.ProtoBaselineMissing,
        "No proto contract baseline",
        "No proto contract baseline at '{0}': breaking changes to the .proto files are not checked; create it with 'dotnet build -t:ContrailAcceptProtoBaseline' (or 'contrail proto snapshot') and commit it",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ProtoBaselineUnreadable = CreateProtoContract(
        DiagnosticIds.ProtoBaselineUnreadable,
        "Proto contract baseline cannot be read",
        "The proto contract baseline cannot be read: {0}; restore it from source control or write it again with 'dotnet build -t:ContrailAcceptProtoBaseline'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ProtoCompilationFailed = CreateProtoContract(
        DiagnosticIds.ProtoCompilationFailed,
        ".proto file does not compile",
        "protoc: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ProtocUnavailable = CreateProtoContract(
        DiagnosticIds.ProtocUnavailable,
        "protoc cannot run",
        "The proto contract check cannot run protoc: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ProtoContractsConfigurationInvalid = CreateProtoContract(
        DiagnosticIds.ProtoContractsConfigurationInvalid,
        "Invalid proto contract setting",
        "{0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ProtoBaselineUnrelated = CreateProtoContract(
        DiagnosticIds.ProtoBaselineUnrelated,
        "Proto contract baseline describes other files",
        "The proto contract baseline describes none of this project's .proto files (it holds {0}; the project has {1}): it was written for other files or another ProtoRoot",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ProtoContractCheckFailed = CreateProtoContract(
        DiagnosticIds.ProtoContractCheckFailed,
        "Proto contract check failed",
        "The proto contract check failed unexpectedly and checked nothing: {0}",
        DiagnosticSeverity.Error);


    public static readonly DiagnosticDescriptor EnumNoDelete = CreateProtoContract(
        DiagnosticIds.EnumNoDelete,
        "An enum was deleted from a file",
        "ENUM_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ExtensionNoDelete = CreateProtoContract(
        DiagnosticIds.ExtensionNoDelete,
        "An extension was deleted from a file",
        "EXTENSION_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileNoDelete = CreateProtoContract(
        DiagnosticIds.FileNoDelete,
        "A .proto file was deleted",
        "FILE_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MessageNoDelete = CreateProtoContract(
        DiagnosticIds.MessageNoDelete,
        "A message was deleted from a file",
        "MESSAGE_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ServiceNoDelete = CreateProtoContract(
        DiagnosticIds.ServiceNoDelete,
        "A service was deleted from a file",
        "SERVICE_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EnumSameType = CreateProtoContract(
        DiagnosticIds.EnumSameType,
        "An enum changed between open and closed",
        "ENUM_SAME_TYPE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EnumValueNoDelete = CreateProtoContract(
        DiagnosticIds.EnumValueNoDelete,
        "An enum value was deleted",
        "ENUM_VALUE_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ExtensionMessageNoDelete = CreateProtoContract(
        DiagnosticIds.ExtensionMessageNoDelete,
        "An extension range was deleted",
        "EXTENSION_MESSAGE_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldNoDelete = CreateProtoContract(
        DiagnosticIds.FieldNoDelete,
        "A field was deleted",
        "FIELD_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldSameCardinality = CreateProtoContract(
        DiagnosticIds.FieldSameCardinality,
        "A field's cardinality changed",
        "FIELD_SAME_CARDINALITY: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldSameCppStringType = CreateProtoContract(
        DiagnosticIds.FieldSameCppStringType,
        "A field's C++ string type changed",
        "FIELD_SAME_CPP_STRING_TYPE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldSameJavaUtf8Validation = CreateProtoContract(
        DiagnosticIds.FieldSameJavaUtf8Validation,
        "A field's Java UTF-8 validation changed",
        "FIELD_SAME_JAVA_UTF8_VALIDATION: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldSameJstype = CreateProtoContract(
        DiagnosticIds.FieldSameJstype,
        "A field's jstype changed",
        "FIELD_SAME_JSTYPE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldSameType = CreateProtoContract(
        DiagnosticIds.FieldSameType,
        "A field's type changed",
        "FIELD_SAME_TYPE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldSameUtf8Validation = CreateProtoContract(
        DiagnosticIds.FieldSameUtf8Validation,
        "A field's UTF-8 validation changed",
        "FIELD_SAME_UTF8_VALIDATION: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameCcEnableArenas = CreateProtoContract(
        DiagnosticIds.FileSameCcEnableArenas,
        "The file option cc_enable_arenas changed",
        "FILE_SAME_CC_ENABLE_ARENAS: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameCcGenericServices = CreateProtoContract(
        DiagnosticIds.FileSameCcGenericServices,
        "The file option cc_generic_services changed",
        "FILE_SAME_CC_GENERIC_SERVICES: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameCsharpNamespace = CreateProtoContract(
        DiagnosticIds.FileSameCsharpNamespace,
        "The file option csharp_namespace changed",
        "FILE_SAME_CSHARP_NAMESPACE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameGoPackage = CreateProtoContract(
        DiagnosticIds.FileSameGoPackage,
        "The file option go_package changed",
        "FILE_SAME_GO_PACKAGE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameJavaGenericServices = CreateProtoContract(
        DiagnosticIds.FileSameJavaGenericServices,
        "The file option java_generic_services changed",
        "FILE_SAME_JAVA_GENERIC_SERVICES: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameJavaMultipleFiles = CreateProtoContract(
        DiagnosticIds.FileSameJavaMultipleFiles,
        "The file option java_multiple_files changed",
        "FILE_SAME_JAVA_MULTIPLE_FILES: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameJavaOuterClassname = CreateProtoContract(
        DiagnosticIds.FileSameJavaOuterClassname,
        "The file option java_outer_classname changed",
        "FILE_SAME_JAVA_OUTER_CLASSNAME: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameJavaPackage = CreateProtoContract(
        DiagnosticIds.FileSameJavaPackage,
        "The file option java_package changed",
        "FILE_SAME_JAVA_PACKAGE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameObjcClassPrefix = CreateProtoContract(
        DiagnosticIds.FileSameObjcClassPrefix,
        "The file option objc_class_prefix changed",
        "FILE_SAME_OBJC_CLASS_PREFIX: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameOptimizeFor = CreateProtoContract(
        DiagnosticIds.FileSameOptimizeFor,
        "The file option optimize_for changed",
        "FILE_SAME_OPTIMIZE_FOR: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSamePhpClassPrefix = CreateProtoContract(
        DiagnosticIds.FileSamePhpClassPrefix,
        "The file option php_class_prefix changed",
        "FILE_SAME_PHP_CLASS_PREFIX: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSamePhpMetadataNamespace = CreateProtoContract(
        DiagnosticIds.FileSamePhpMetadataNamespace,
        "The file option php_metadata_namespace changed",
        "FILE_SAME_PHP_METADATA_NAMESPACE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSamePhpNamespace = CreateProtoContract(
        DiagnosticIds.FileSamePhpNamespace,
        "The file option php_namespace changed",
        "FILE_SAME_PHP_NAMESPACE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSamePyGenericServices = CreateProtoContract(
        DiagnosticIds.FileSamePyGenericServices,
        "The file option py_generic_services changed",
        "FILE_SAME_PY_GENERIC_SERVICES: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameRubyPackage = CreateProtoContract(
        DiagnosticIds.FileSameRubyPackage,
        "The file option ruby_package changed",
        "FILE_SAME_RUBY_PACKAGE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameSwiftPrefix = CreateProtoContract(
        DiagnosticIds.FileSameSwiftPrefix,
        "The file option swift_prefix changed",
        "FILE_SAME_SWIFT_PREFIX: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSameSyntax = CreateProtoContract(
        DiagnosticIds.FileSameSyntax,
        "A file's syntax changed",
        "FILE_SAME_SYNTAX: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MessageNoRemoveStandardDescriptorAccessor = CreateProtoContract(
        DiagnosticIds.MessageNoRemoveStandardDescriptorAccessor,
        "A message's standard descriptor accessor was removed",
        "MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OneofNoDelete = CreateProtoContract(
        DiagnosticIds.OneofNoDelete,
        "A oneof was deleted",
        "ONEOF_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RpcNoDelete = CreateProtoContract(
        DiagnosticIds.RpcNoDelete,
        "An RPC was deleted",
        "RPC_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EnumSameJsonFormat = CreateProtoContract(
        DiagnosticIds.EnumSameJsonFormat,
        "An enum's JSON format support changed",
        "ENUM_SAME_JSON_FORMAT: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EnumValueSameName = CreateProtoContract(
        DiagnosticIds.EnumValueSameName,
        "An enum value's name changed",
        "ENUM_VALUE_SAME_NAME: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldSameJsonName = CreateProtoContract(
        DiagnosticIds.FieldSameJsonName,
        "A field's JSON name changed",
        "FIELD_SAME_JSON_NAME: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldSameName = CreateProtoContract(
        DiagnosticIds.FieldSameName,
        "A field's name changed",
        "FIELD_SAME_NAME: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MessageSameJsonFormat = CreateProtoContract(
        DiagnosticIds.MessageSameJsonFormat,
        "A message's JSON format support changed",
        "MESSAGE_SAME_JSON_FORMAT: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldSameDefault = CreateProtoContract(
        DiagnosticIds.FieldSameDefault,
        "A field's default value changed",
        "FIELD_SAME_DEFAULT: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldSameOneof = CreateProtoContract(
        DiagnosticIds.FieldSameOneof,
        "A field moved into or out of a oneof",
        "FIELD_SAME_ONEOF: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileSamePackage = CreateProtoContract(
        DiagnosticIds.FileSamePackage,
        "A file's package changed",
        "FILE_SAME_PACKAGE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MessageSameRequiredFields = CreateProtoContract(
        DiagnosticIds.MessageSameRequiredFields,
        "A message's required fields changed",
        "MESSAGE_SAME_REQUIRED_FIELDS: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReservedEnumNoDelete = CreateProtoContract(
        DiagnosticIds.ReservedEnumNoDelete,
        "An enum's reserved range or name was deleted",
        "RESERVED_ENUM_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReservedMessageNoDelete = CreateProtoContract(
        DiagnosticIds.ReservedMessageNoDelete,
        "A message's reserved range or name was deleted",
        "RESERVED_MESSAGE_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RpcSameClientStreaming = CreateProtoContract(
        DiagnosticIds.RpcSameClientStreaming,
        "An RPC's client streaming changed",
        "RPC_SAME_CLIENT_STREAMING: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RpcSameIdempotencyLevel = CreateProtoContract(
        DiagnosticIds.RpcSameIdempotencyLevel,
        "An RPC's idempotency level changed",
        "RPC_SAME_IDEMPOTENCY_LEVEL: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RpcSameRequestType = CreateProtoContract(
        DiagnosticIds.RpcSameRequestType,
        "An RPC's request type changed",
        "RPC_SAME_REQUEST_TYPE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RpcSameResponseType = CreateProtoContract(
        DiagnosticIds.RpcSameResponseType,
        "An RPC's response type changed",
        "RPC_SAME_RESPONSE_TYPE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RpcSameServerStreaming = CreateProtoContract(
        DiagnosticIds.RpcSameServerStreaming,
        "An RPC's server streaming changed",
        "RPC_SAME_SERVER_STREAMING: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PackageEnumNoDelete = CreateProtoContract(
        DiagnosticIds.PackageEnumNoDelete,
        "An enum was deleted from a package",
        "PACKAGE_ENUM_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PackageExtensionNoDelete = CreateProtoContract(
        DiagnosticIds.PackageExtensionNoDelete,
        "An extension was deleted from a package",
        "PACKAGE_EXTENSION_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PackageMessageNoDelete = CreateProtoContract(
        DiagnosticIds.PackageMessageNoDelete,
        "A message was deleted from a package",
        "PACKAGE_MESSAGE_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PackageNoDelete = CreateProtoContract(
        DiagnosticIds.PackageNoDelete,
        "A package was deleted",
        "PACKAGE_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PackageServiceNoDelete = CreateProtoContract(
        DiagnosticIds.PackageServiceNoDelete,
        "A service was deleted from a package",
        "PACKAGE_SERVICE_NO_DELETE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EnumValueNoDeleteUnlessNameReserved = CreateProtoContract(
        DiagnosticIds.EnumValueNoDeleteUnlessNameReserved,
        "An enum value was deleted without reserving its name",
        "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldNoDeleteUnlessNameReserved = CreateProtoContract(
        DiagnosticIds.FieldNoDeleteUnlessNameReserved,
        "A field was deleted without reserving its name",
        "FIELD_NO_DELETE_UNLESS_NAME_RESERVED: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldWireJsonCompatibleCardinality = CreateProtoContract(
        DiagnosticIds.FieldWireJsonCompatibleCardinality,
        "A field's cardinality changed incompatibly for binary or JSON",
        "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldWireJsonCompatibleType = CreateProtoContract(
        DiagnosticIds.FieldWireJsonCompatibleType,
        "A field's type changed incompatibly for binary or JSON",
        "FIELD_WIRE_JSON_COMPATIBLE_TYPE: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EnumValueNoDeleteUnlessNumberReserved = CreateProtoContract(
        DiagnosticIds.EnumValueNoDeleteUnlessNumberReserved,
        "An enum value was deleted without reserving its number",
        "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldNoDeleteUnlessNumberReserved = CreateProtoContract(
        DiagnosticIds.FieldNoDeleteUnlessNumberReserved,
        "A field was deleted without reserving its number",
        "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldWireCompatibleCardinality = CreateProtoContract(
        DiagnosticIds.FieldWireCompatibleCardinality,
        "A field's cardinality changed incompatibly on the wire",
        "FIELD_WIRE_COMPATIBLE_CARDINALITY: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FieldWireCompatibleType = CreateProtoContract(
        DiagnosticIds.FieldWireCompatibleType,
        "A field's type changed incompatibly on the wire",
        "FIELD_WIRE_COMPATIBLE_TYPE: {0}",
        DiagnosticSeverity.Error);

    /// <summary>One descriptor per buf breaking rule, in CTR2101.. order; the message is <c>RULE_ID: buf's message</c>.</summary>
    /// <remarks>Declared after the descriptors it lists: static fields of one file initialize in textual order.</remarks>
    public static readonly ImmutableArray<ProtoBreakingRuleDescriptor> ProtoBreakingRules = ImmutableArray.Create(
        new ProtoBreakingRuleDescriptor("ENUM_NO_DELETE", EnumNoDelete),
        new ProtoBreakingRuleDescriptor("EXTENSION_NO_DELETE", ExtensionNoDelete),
        new ProtoBreakingRuleDescriptor("FILE_NO_DELETE", FileNoDelete),
        new ProtoBreakingRuleDescriptor("MESSAGE_NO_DELETE", MessageNoDelete),
        new ProtoBreakingRuleDescriptor("SERVICE_NO_DELETE", ServiceNoDelete),
        new ProtoBreakingRuleDescriptor("ENUM_SAME_TYPE", EnumSameType),
        new ProtoBreakingRuleDescriptor("ENUM_VALUE_NO_DELETE", EnumValueNoDelete),
        new ProtoBreakingRuleDescriptor("EXTENSION_MESSAGE_NO_DELETE", ExtensionMessageNoDelete),
        new ProtoBreakingRuleDescriptor("FIELD_NO_DELETE", FieldNoDelete),
        new ProtoBreakingRuleDescriptor("FIELD_SAME_CARDINALITY", FieldSameCardinality),
        new ProtoBreakingRuleDescriptor("FIELD_SAME_CPP_STRING_TYPE", FieldSameCppStringType),
        new ProtoBreakingRuleDescriptor("FIELD_SAME_JAVA_UTF8_VALIDATION", FieldSameJavaUtf8Validation),
        new ProtoBreakingRuleDescriptor("FIELD_SAME_JSTYPE", FieldSameJstype),
        new ProtoBreakingRuleDescriptor("FIELD_SAME_TYPE", FieldSameType),
        new ProtoBreakingRuleDescriptor("FIELD_SAME_UTF8_VALIDATION", FieldSameUtf8Validation),
        new ProtoBreakingRuleDescriptor("FILE_SAME_CC_ENABLE_ARENAS", FileSameCcEnableArenas),
        new ProtoBreakingRuleDescriptor("FILE_SAME_CC_GENERIC_SERVICES", FileSameCcGenericServices),
        new ProtoBreakingRuleDescriptor("FILE_SAME_CSHARP_NAMESPACE", FileSameCsharpNamespace),
        new ProtoBreakingRuleDescriptor("FILE_SAME_GO_PACKAGE", FileSameGoPackage),
        new ProtoBreakingRuleDescriptor("FILE_SAME_JAVA_GENERIC_SERVICES", FileSameJavaGenericServices),
        new ProtoBreakingRuleDescriptor("FILE_SAME_JAVA_MULTIPLE_FILES", FileSameJavaMultipleFiles),
        new ProtoBreakingRuleDescriptor("FILE_SAME_JAVA_OUTER_CLASSNAME", FileSameJavaOuterClassname),
        new ProtoBreakingRuleDescriptor("FILE_SAME_JAVA_PACKAGE", FileSameJavaPackage),
        new ProtoBreakingRuleDescriptor("FILE_SAME_OBJC_CLASS_PREFIX", FileSameObjcClassPrefix),
        new ProtoBreakingRuleDescriptor("FILE_SAME_OPTIMIZE_FOR", FileSameOptimizeFor),
        new ProtoBreakingRuleDescriptor("FILE_SAME_PHP_CLASS_PREFIX", FileSamePhpClassPrefix),
        new ProtoBreakingRuleDescriptor("FILE_SAME_PHP_METADATA_NAMESPACE", FileSamePhpMetadataNamespace),
        new ProtoBreakingRuleDescriptor("FILE_SAME_PHP_NAMESPACE", FileSamePhpNamespace),
        new ProtoBreakingRuleDescriptor("FILE_SAME_PY_GENERIC_SERVICES", FileSamePyGenericServices),
        new ProtoBreakingRuleDescriptor("FILE_SAME_RUBY_PACKAGE", FileSameRubyPackage),
        new ProtoBreakingRuleDescriptor("FILE_SAME_SWIFT_PREFIX", FileSameSwiftPrefix),
        new ProtoBreakingRuleDescriptor("FILE_SAME_SYNTAX", FileSameSyntax),
        new ProtoBreakingRuleDescriptor("MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR", MessageNoRemoveStandardDescriptorAccessor),
        new ProtoBreakingRuleDescriptor("ONEOF_NO_DELETE", OneofNoDelete),
        new ProtoBreakingRuleDescriptor("RPC_NO_DELETE", RpcNoDelete),
        new ProtoBreakingRuleDescriptor("ENUM_SAME_JSON_FORMAT", EnumSameJsonFormat),
        new ProtoBreakingRuleDescriptor("ENUM_VALUE_SAME_NAME", EnumValueSameName),
        new ProtoBreakingRuleDescriptor("FIELD_SAME_JSON_NAME", FieldSameJsonName),
        new ProtoBreakingRuleDescriptor("FIELD_SAME_NAME", FieldSameName),
        new ProtoBreakingRuleDescriptor("MESSAGE_SAME_JSON_FORMAT", MessageSameJsonFormat),
        new ProtoBreakingRuleDescriptor("FIELD_SAME_DEFAULT", FieldSameDefault),
        new ProtoBreakingRuleDescriptor("FIELD_SAME_ONEOF", FieldSameOneof),
        new ProtoBreakingRuleDescriptor("FILE_SAME_PACKAGE", FileSamePackage),
        new ProtoBreakingRuleDescriptor("MESSAGE_SAME_REQUIRED_FIELDS", MessageSameRequiredFields),
        new ProtoBreakingRuleDescriptor("RESERVED_ENUM_NO_DELETE", ReservedEnumNoDelete),
        new ProtoBreakingRuleDescriptor("RESERVED_MESSAGE_NO_DELETE", ReservedMessageNoDelete),
        new ProtoBreakingRuleDescriptor("RPC_SAME_CLIENT_STREAMING", RpcSameClientStreaming),
        new ProtoBreakingRuleDescriptor("RPC_SAME_IDEMPOTENCY_LEVEL", RpcSameIdempotencyLevel),
        new ProtoBreakingRuleDescriptor("RPC_SAME_REQUEST_TYPE", RpcSameRequestType),
        new ProtoBreakingRuleDescriptor("RPC_SAME_RESPONSE_TYPE", RpcSameResponseType),
        new ProtoBreakingRuleDescriptor("RPC_SAME_SERVER_STREAMING", RpcSameServerStreaming),
        new ProtoBreakingRuleDescriptor("PACKAGE_ENUM_NO_DELETE", PackageEnumNoDelete),
        new ProtoBreakingRuleDescriptor("PACKAGE_EXTENSION_NO_DELETE", PackageExtensionNoDelete),
        new ProtoBreakingRuleDescriptor("PACKAGE_MESSAGE_NO_DELETE", PackageMessageNoDelete),
        new ProtoBreakingRuleDescriptor("PACKAGE_NO_DELETE", PackageNoDelete),
        new ProtoBreakingRuleDescriptor("PACKAGE_SERVICE_NO_DELETE", PackageServiceNoDelete),
        new ProtoBreakingRuleDescriptor("ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED", EnumValueNoDeleteUnlessNameReserved),
        new ProtoBreakingRuleDescriptor("FIELD_NO_DELETE_UNLESS_NAME_RESERVED", FieldNoDeleteUnlessNameReserved),
        new ProtoBreakingRuleDescriptor("FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY", FieldWireJsonCompatibleCardinality),
        new ProtoBreakingRuleDescriptor("FIELD_WIRE_JSON_COMPATIBLE_TYPE", FieldWireJsonCompatibleType),
        new ProtoBreakingRuleDescriptor("ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED", EnumValueNoDeleteUnlessNumberReserved),
        new ProtoBreakingRuleDescriptor("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED", FieldNoDeleteUnlessNumberReserved),
        new ProtoBreakingRuleDescriptor("FIELD_WIRE_COMPATIBLE_CARDINALITY", FieldWireCompatibleCardinality),
        new ProtoBreakingRuleDescriptor("FIELD_WIRE_COMPATIBLE_TYPE", FieldWireCompatibleType));

    private static DiagnosticDescriptor CreateProtoContract(string id, string title, string messageFormat, DiagnosticSeverity severity) =>
        new(id, title, messageFormat, ProtoContractsCategory, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}

/// <summary>A buf breaking rule and the Contrail diagnostic that reports its findings.</summary>
internal sealed class ProtoBreakingRuleDescriptor
{
    public ProtoBreakingRuleDescriptor(string bufRuleId, DiagnosticDescriptor descriptor)
    {
        BufRuleId = bufRuleId;
        Descriptor = descriptor;
    }

    /// <summary>buf's rule ID, e.g. <c>FIELD_SAME_TYPE</c>.</summary>
    public string BufRuleId { get; }

    /// <summary>The diagnostic (CTR21xx) that reports the rule's findings.</summary>
    public DiagnosticDescriptor Descriptor { get; }
}
