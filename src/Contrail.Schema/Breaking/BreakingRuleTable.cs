using System.Collections.Generic;

namespace Contrail.Schema.Breaking;

/// <summary>
/// Every buf breaking rule with the method that checks it, grouped by the element pair it compares (as buf's
/// bufcheckserverhandle has one handler per rule). A test holds this table and <see cref="BreakingRules.All"/> to
/// one unit per rule, each method named after its rule.
/// </summary>
internal static class BreakingRuleTable
{
    private static readonly BreakingRuleUnit[] s_units =
    {
        // Files: deleted files, then each baseline file with the current file at its path.
        Schema("FILE_NO_DELETE", FileRules.FileNoDelete),
        Files("ENUM_NO_DELETE", FileRules.EnumNoDelete),
        Files("EXTENSION_NO_DELETE", FileRules.ExtensionNoDelete),
        Files("MESSAGE_NO_DELETE", FileRules.MessageNoDelete),
        Files("SERVICE_NO_DELETE", FileRules.ServiceNoDelete),
        Files("FILE_SAME_CC_ENABLE_ARENAS", FileRules.FileSameCcEnableArenas),
        Files("FILE_SAME_CC_GENERIC_SERVICES", FileRules.FileSameCcGenericServices),
        Files("FILE_SAME_CSHARP_NAMESPACE", FileRules.FileSameCsharpNamespace),
        Files("FILE_SAME_GO_PACKAGE", FileRules.FileSameGoPackage),
        Files("FILE_SAME_JAVA_GENERIC_SERVICES", FileRules.FileSameJavaGenericServices),
        Files("FILE_SAME_JAVA_MULTIPLE_FILES", FileRules.FileSameJavaMultipleFiles),
        Files("FILE_SAME_JAVA_OUTER_CLASSNAME", FileRules.FileSameJavaOuterClassname),
        Files("FILE_SAME_JAVA_PACKAGE", FileRules.FileSameJavaPackage),
        Files("FILE_SAME_OBJC_CLASS_PREFIX", FileRules.FileSameObjcClassPrefix),
        Files("FILE_SAME_OPTIMIZE_FOR", FileRules.FileSameOptimizeFor),
        Files("FILE_SAME_PHP_CLASS_PREFIX", FileRules.FileSamePhpClassPrefix),
        Files("FILE_SAME_PHP_METADATA_NAMESPACE", FileRules.FileSamePhpMetadataNamespace),
        Files("FILE_SAME_PHP_NAMESPACE", FileRules.FileSamePhpNamespace),
        Files("FILE_SAME_PY_GENERIC_SERVICES", FileRules.FileSamePyGenericServices),
        Files("FILE_SAME_RUBY_PACKAGE", FileRules.FileSameRubyPackage),
        Files("FILE_SAME_SWIFT_PREFIX", FileRules.FileSameSwiftPrefix),
        Files("FILE_SAME_SYNTAX", FileRules.FileSameSyntax),
        Files("FILE_SAME_PACKAGE", FileRules.FileSamePackage),

        // Messages, paired by full name.
        Messages("EXTENSION_MESSAGE_NO_DELETE", MessageRules.ExtensionMessageNoDelete),
        Messages("FIELD_NO_DELETE", MessageRules.FieldNoDelete),
        Messages("FIELD_NO_DELETE_UNLESS_NAME_RESERVED", MessageRules.FieldNoDeleteUnlessNameReserved),
        Messages("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED", MessageRules.FieldNoDeleteUnlessNumberReserved),
        Messages("MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR", MessageRules.MessageNoRemoveStandardDescriptorAccessor),
        Messages("MESSAGE_SAME_JSON_FORMAT", MessageRules.MessageSameJsonFormat),
        Messages("MESSAGE_SAME_REQUIRED_FIELDS", MessageRules.MessageSameRequiredFields),
        Messages("ONEOF_NO_DELETE", MessageRules.OneofNoDelete),
        Messages("RESERVED_MESSAGE_NO_DELETE", MessageRules.ReservedMessageNoDelete),

        // Fields, paired by message and number; extensions by extendee and number.
        Fields("FIELD_SAME_CARDINALITY", FieldRules.FieldSameCardinality),
        Fields("FIELD_WIRE_COMPATIBLE_CARDINALITY", FieldRules.FieldWireCompatibleCardinality),
        Fields("FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY", FieldRules.FieldWireJsonCompatibleCardinality),
        Fields("FIELD_SAME_CPP_STRING_TYPE", FieldRules.FieldSameCppStringType),
        Fields("FIELD_SAME_JAVA_UTF8_VALIDATION", FieldRules.FieldSameJavaUtf8Validation),
        Fields("FIELD_SAME_JSTYPE", FieldRules.FieldSameJstype),
        Fields("FIELD_SAME_TYPE", FieldRules.FieldSameType),
        Fields("FIELD_WIRE_COMPATIBLE_TYPE", FieldRules.FieldWireCompatibleType),
        Fields("FIELD_WIRE_JSON_COMPATIBLE_TYPE", FieldRules.FieldWireJsonCompatibleType),
        Fields("FIELD_SAME_UTF8_VALIDATION", FieldRules.FieldSameUtf8Validation),
        Fields("FIELD_SAME_JSON_NAME", FieldRules.FieldSameJsonName),
        Fields("FIELD_SAME_NAME", FieldRules.FieldSameName),
        Fields("FIELD_SAME_DEFAULT", FieldRules.FieldSameDefault),
        Fields("FIELD_SAME_ONEOF", FieldRules.FieldSameOneof),

        // Enums, paired by full name; their values by number.
        Enums("ENUM_SAME_TYPE", EnumRules.EnumSameType),
        Enums("ENUM_SAME_JSON_FORMAT", EnumRules.EnumSameJsonFormat),
        Enums("ENUM_VALUE_NO_DELETE", EnumRules.EnumValueNoDelete),
        Enums("ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED", EnumRules.EnumValueNoDeleteUnlessNameReserved),
        Enums("ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED", EnumRules.EnumValueNoDeleteUnlessNumberReserved),
        Enums("ENUM_VALUE_SAME_NAME", EnumRules.EnumValueSameName),
        Enums("RESERVED_ENUM_NO_DELETE", EnumRules.ReservedEnumNoDelete),

        // Services, paired by full name; their methods by name.
        Services("RPC_NO_DELETE", ServiceRules.RpcNoDelete),
        Methods("RPC_SAME_CLIENT_STREAMING", ServiceRules.RpcSameClientStreaming),
        Methods("RPC_SAME_SERVER_STREAMING", ServiceRules.RpcSameServerStreaming),
        Methods("RPC_SAME_IDEMPOTENCY_LEVEL", ServiceRules.RpcSameIdempotencyLevel),
        Methods("RPC_SAME_REQUEST_TYPE", ServiceRules.RpcSameRequestType),
        Methods("RPC_SAME_RESPONSE_TYPE", ServiceRules.RpcSameResponseType),

        // Packages, paired by name; their elements by nested name across the package's files.
        Schema("PACKAGE_NO_DELETE", PackageRules.PackageNoDelete),
        Schema("PACKAGE_ENUM_NO_DELETE", PackageRules.PackageEnumNoDelete),
        Schema("PACKAGE_EXTENSION_NO_DELETE", PackageRules.PackageExtensionNoDelete),
        Schema("PACKAGE_MESSAGE_NO_DELETE", PackageRules.PackageMessageNoDelete),
        Schema("PACKAGE_SERVICE_NO_DELETE", PackageRules.PackageServiceNoDelete),
    };

    /// <summary>Every unit, in the table's order.</summary>
    public static IReadOnlyList<BreakingRuleUnit> Units => s_units;

    private static BreakingRuleUnit Schema(string ruleId, PairRule<SchemaPair> check) => new BreakingRuleUnit<SchemaPair>(ruleId, check);

    private static BreakingRuleUnit Files(string ruleId, PairRule<FilePair> check) => new BreakingRuleUnit<FilePair>(ruleId, check);

    private static BreakingRuleUnit Messages(string ruleId, PairRule<MessagePair> check) => new BreakingRuleUnit<MessagePair>(ruleId, check);

    private static BreakingRuleUnit Fields(string ruleId, PairRule<FieldPair> check) => new BreakingRuleUnit<FieldPair>(ruleId, check);

    private static BreakingRuleUnit Enums(string ruleId, PairRule<EnumPair> check) => new BreakingRuleUnit<EnumPair>(ruleId, check);

    private static BreakingRuleUnit Services(string ruleId, PairRule<ServicePair> check) => new BreakingRuleUnit<ServicePair>(ruleId, check);

    private static BreakingRuleUnit Methods(string ruleId, PairRule<MethodPair> check) => new BreakingRuleUnit<MethodPair>(ruleId, check);
}
