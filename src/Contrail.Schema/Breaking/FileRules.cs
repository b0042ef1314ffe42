using System;
using Google.Protobuf.Reflection;
using static Contrail.Schema.Breaking.GoFormat;

namespace Contrail.Schema.Breaking;

/// <summary>The rules on files: deleted files, elements deleted from a file, and file-level options, syntax and package.</summary>
internal static class FileRules
{
    private static readonly FileOptions s_noOptions = new();

    public static void FileNoDelete(SchemaPair pair, RuleFindings findings)
    {
        foreach (var previousFile in pair.Previous.Files)
        {
            if (!pair.Current.FilesByPath.ContainsKey(previousFile.Path))
            {
                // buf reports a deleted file with no current location; Contrail names the deleted path, line 1.
                findings.Add(FindingSite.StartOf(previousFile.Path), FindingSite.None, $"Previously present file {Quote(previousFile.Path)} was deleted.");
            }
        }
    }

    public static void EnumNoDelete(FilePair pair, RuleFindings findings)
    {
        var (file, previousFile) = pair;
        foreach (var previous in previousFile.EnumList)
        {
            if (!file.Enums.ContainsKey(previous.NestedName))
            {
                var parent = DeletedElementSites.SurvivingParent(file.Messages, previous.NestedName);
                findings.Add(FindingSite.In(file, parent?.Path), FindingSite.Of(previous), $"Previously present enum {Quote(previous.NestedName)} was deleted from file.");
            }
        }
    }

    public static void ExtensionNoDelete(FilePair pair, RuleFindings findings)
    {
        var (file, previousFile) = pair;
        foreach (var previous in previousFile.ExtensionList)
        {
            if (!file.Extensions.ContainsKey(previous.NestedName))
            {
                var parent = DeletedElementSites.SurvivingParent(file.Messages, previous.NestedName);
                findings.Add(FindingSite.In(file, parent?.Path), FindingSite.Of(previous), $"Previously present extension {Quote(previous.NestedName)} was deleted from file.");
            }
        }
    }

    public static void MessageNoDelete(FilePair pair, RuleFindings findings)
    {
        var (file, previousFile) = pair;
        foreach (var previous in previousFile.MessageList)
        {
            if (!file.Messages.ContainsKey(previous.NestedName))
            {
                var parent = DeletedElementSites.SurvivingParent(file.Messages, previous.NestedName);
                findings.Add(FindingSite.In(file, parent?.Path), FindingSite.Of(previous), $"Previously present message {Quote(previous.NestedName)} was deleted from file.");
            }
        }
    }

    public static void ServiceNoDelete(FilePair pair, RuleFindings findings)
    {
        var (file, previousFile) = pair;
        foreach (var previous in previousFile.ServiceList)
        {
            if (!file.Services.ContainsKey(previous.Name))
            {
                findings.Add(FindingSite.StartOf(file.Path), FindingSite.Of(previous), $"Previously present service {Quote(previous.Name)} was deleted from file.");
            }
        }
    }

    public static void FileSameCcEnableArenas(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "cc_enable_arenas", 31, options => Bool(options.CcEnableArenas));

    public static void FileSameCcGenericServices(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "cc_generic_services", 16, options => Bool(options.CcGenericServices));

    public static void FileSameCsharpNamespace(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "csharp_namespace", 37, options => options.CsharpNamespace);

    public static void FileSameGoPackage(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "go_package", 11, options => options.GoPackage);

    public static void FileSameJavaGenericServices(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "java_generic_services", 17, options => Bool(options.JavaGenericServices));

    public static void FileSameJavaMultipleFiles(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "java_multiple_files", 10, options => Bool(options.JavaMultipleFiles));

    public static void FileSameJavaOuterClassname(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "java_outer_classname", 8, options => options.JavaOuterClassname);

    public static void FileSameJavaPackage(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "java_package", 1, options => options.JavaPackage);

    public static void FileSameObjcClassPrefix(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "objc_class_prefix", 36, options => options.ObjcClassPrefix);

    public static void FileSameOptimizeFor(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "optimize_for", 9, options => OptimizeMode(options.OptimizeFor));

    public static void FileSamePhpClassPrefix(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "php_class_prefix", 40, options => options.PhpClassPrefix);

    public static void FileSamePhpMetadataNamespace(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "php_metadata_namespace", 44, options => options.PhpMetadataNamespace);

    public static void FileSamePhpNamespace(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "php_namespace", 41, options => options.PhpNamespace);

    public static void FileSamePyGenericServices(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "py_generic_services", 18, options => Bool(options.PyGenericServices));

    public static void FileSameRubyPackage(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "ruby_package", 45, options => options.RubyPackage);

    public static void FileSameSwiftPrefix(FilePair pair, RuleFindings findings)
        => SameOption(pair, findings, "swift_prefix", 39, options => options.SwiftPrefix);

    public static void FileSameSyntax(FilePair pair, RuleFindings findings)
    {
        var (file, previousFile) = pair;
        if (file.SyntaxName != previousFile.SyntaxName)
        {
            findings.Add(FindingSite.In(file, new[] { 12 }), FindingSite.In(previousFile, new[] { 12 }), $"File syntax changed from {Quote(previousFile.SyntaxName)} to {Quote(file.SyntaxName)}.");
        }
    }

    public static void FileSamePackage(FilePair pair, RuleFindings findings)
    {
        var (file, previousFile) = pair;
        if (file.Package != previousFile.Package)
        {
            findings.Add(FindingSite.In(file, new[] { 2 }), FindingSite.In(previousFile, new[] { 2 }), $"File package changed from {Quote(previousFile.Package)} to {Quote(file.Package)}.");
        }
    }

    /// <summary>The FILE_SAME_&lt;option&gt; rules: the option's value, printed as buf prints it, is unchanged (unset reads as its default).</summary>
    private static void SameOption(FilePair pair, RuleFindings findings, string optionName, int optionNumber, Func<FileOptions, string> read)
    {
        var (file, previousFile) = pair;
        var previousValue = read(previousFile.Proto.Options ?? s_noOptions);
        var value = read(file.Proto.Options ?? s_noOptions);
        if (!string.Equals(previousValue, value, StringComparison.Ordinal))
        {
            findings.Add(FindingSite.In(file, new[] { 8, optionNumber }), FindingSite.In(previousFile, new[] { 8, optionNumber }), $"File option {Quote(optionName)} changed from {Quote(previousValue)} to {Quote(value)}.");
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string OptimizeMode(FileOptions.Types.OptimizeMode mode) => mode switch
    {
        FileOptions.Types.OptimizeMode.CodeSize => "CODE_SIZE",
        FileOptions.Types.OptimizeMode.LiteRuntime => "LITE_RUNTIME",
        _ => "SPEED",
    };
}
