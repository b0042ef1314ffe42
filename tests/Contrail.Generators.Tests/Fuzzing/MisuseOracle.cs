using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Contrail.Generators.Errors;
using Contrail.Generators.Metrics;
using Contrail.Generators.TracedServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contrail.Generators.Tests.Fuzzing;

/// <summary>
/// Runs Contrail's three generators and three analyzers on a compilation as a build does, and reports
/// what breaks the rule that no declaration, however wrong, makes them throw or makes the generated
/// code fail to compile. The command-line compiler runs no analyzer once a compilation has errors, so
/// an error in generated code, or one caused by missing generated code, hides every Contrail diagnostic.
/// </summary>
internal static class MisuseOracle
{
    /// <summary>
    /// Errors that mean generated code is missing or clashes with the user's: a partial method left
    /// without its implementation, or the generator's member meeting another of the same name.
    /// </summary>
    public static readonly ImmutableHashSet<string> MaskingErrorIds = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "CS8795", // partial method must have an implementation part because it has accessibility modifiers
        "CS0759", // no defining declaration found for implementing declaration of partial method
        "CS0501", // member must declare a body because it is not marked abstract, extern, or partial
        "CS0111", // type already defines a member with the same parameter types
        "CS0102", // type already contains a definition for the name
        "CS0101", // namespace already contains a definition for the name
        "CS0756", // a partial method may not have multiple defining declarations
        "CS0757", // a partial method may not have multiple implementing declarations
        "CS0761", // partial method declarations have inconsistent constraints
        "CS0260", // missing partial modifier: another partial declaration of this type exists
        "CS0262", // partial declarations have conflicting accessibility modifiers
        "CS0755", // both partial method declarations must be extension methods or neither
        "CS0763", // both partial method declarations must be static or neither
        "CS0764", // both partial method declarations must be unsafe or neither
        "CS8799", // both partial method declarations must have identical accessibility modifiers
        "CS8800", // both partial method declarations must have identical virtual, override, sealed and new modifiers
        "CS8817", // both partial method declarations must have the same return type
        "CS8818"); // partial method declarations must have matching ref return values

    private static readonly ImmutableArray<DiagnosticAnalyzer> s_analyzers =
        ImmutableArray.Create<DiagnosticAnalyzer>(new TracedServiceAnalyzer(), new ErrorCatalogAnalyzer(), new MetricsAnalyzer());

    private static readonly ISourceGenerator[] s_generators =
    {
        new TracedServiceGenerator().AsSourceGenerator(), new ErrorCatalogGenerator().AsSourceGenerator(), new MetricsGenerator().AsSourceGenerator(),
    };

    public static MisuseCheck Check(MisuseCase misuseCase) =>
        Check(misuseCase.Source, misuseCase.LanguageVersion, misuseCase.Nullable, misuseCase.DocumentationMode);

    public static MisuseCheck Check(
        string source,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        DocumentationMode documentationMode = DocumentationMode.Parse)
    {
        // Unsafe code allowed, as a project using pointers has it: otherwise every 'unsafe' is only the user's error.
        var created = TestCompilation.Create(source, languageVersion, nullable, documentationMode: documentationMode);
        var input = created.WithOptions(created.Options.WithAllowUnsafe(true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(s_generators, parseOptions: (CSharpParseOptions)input.SyntaxTrees.First().Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);

        var generatorExceptions = driver.GetRunResult().Results
            .Where(result => result.Exception is not null)
            .Select(result => new MisuseProblem(MisuseProblemKind.GeneratorException, $"{result.Generator.GetGeneratorType().Name} threw {result.Exception!.GetType().Name}", result.Exception.ToString()))
            .ToList();

        // With no exception handler given, an analyzer that throws is reported as AD0001.
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = output.WithAnalyzers(s_analyzers, options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        var userTrees = input.SyntaxTrees.ToImmutableHashSet();
        bool IsGenerated(Diagnostic d) => d.Location.SourceTree is { } tree && !userTrees.Contains(tree);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "AD0001").ToList();
        var generatedErrors = errors.Where(IsGenerated).ToList();
        var maskingErrors = errors.Where(d => !IsGenerated(d) && MaskingErrorIds.Contains(d.Id)).ToList();

        var problems = new List<MisuseProblem>(generatorExceptions);
        problems.AddRange(generatorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785").Select(d => Problem(MisuseProblemKind.GeneratorFailure, d.Id, d)));
        problems.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => Problem(MisuseProblemKind.AnalyzerException, AnalyzerCrash(d), d)));

        var excusedEchoes = 0;
        var excusedMasking = 0;
        var hasOwnErrors = false;
        if (problems.Count > 0 || generatedErrors.Count > 0 || maskingErrors.Count > 0)
        {
            // The user's own errors: in their code both without and with the generated files (CS8795 is there
            // without them because the implementations are missing; with them it is the generator's).
            var before = input.GetDiagnostics().Select(Key).ToImmutableHashSet();
            var own = errors.Where(d => !IsGenerated(d) && d.Id != "CS8795" && before.Contains(Key(d))).ToList();
            var ownErrors = own.Where(d => !d.IsWarningAsError).ToList();
            hasOwnErrors = ownErrors.Count > 0;

            // A generated copy of the user's own error (a type that does not exist, written again in the implementation) adds nothing.
            var echoes = own.Select(d => (d.Id, Message: Message(d))).ToImmutableHashSet();
            excusedEchoes = generatedErrors.RemoveAll(d => echoes.Contains((d.Id, Message(d))));

            // Two declarations of one member or type (the user's CS0111, CS0102, CS0101) give the generated
            // implementations of both the same clash: ambiguity, duplicate fields, two implementing parts, a
            // switch case for the second member that the first already takes.
            if (ownErrors.Any(e => e.Id is "CS0111" or "CS0102" or "CS0101"))
            {
                excusedEchoes += generatedErrors.RemoveAll(d => d.Id is "CS0757" or "CS0102" or "CS0229" or "CS0121" or "CS0111" or "CS8120");
            }

            // A clash the user's code has on its own is their duplicate; an error the user must fix in the same
            // member (a partial method in a type that is not partial) explains what no generated code could fix.
            excusedMasking = maskingErrors.RemoveAll(d => own.Contains(d) || ownErrors.Any(e => e != d && Within(e, DeclarationSpan(d))));
        }

        problems.AddRange(generatedErrors.Select(d => Problem(MisuseProblemKind.GeneratedFileError, $"{d.Id} in {GeneratorOf(d)} output", d)));
        problems.AddRange(maskingErrors.Select(d => Problem(MisuseProblemKind.MaskingError, d.Id == "CS8795" ? $"CS8795 ({UnimplementedShape(output, d)})" : d.Id, d)));
        return new MisuseCheck(problems.ToImmutableArray(), excusedEchoes, excusedMasking, hasOwnErrors);
    }

    /// <summary>
    /// What is unusual about a partial method left without its implementation, so that CS8795 findings
    /// group by cause: the first of the shapes Contrail's generator skips that it has.
    /// </summary>
    private static string UnimplementedShape(Compilation compilation, Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree!;
        var node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (node is null || compilation.GetSemanticModel(tree).GetDeclaredSymbol(node) is not { } method)
        {
            return "not a method";
        }

        var type = method.ContainingType;
        var kind = (type.IsRecord ? "record " : string.Empty) + type.TypeKind.ToString().ToLowerInvariant();
        if (!type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Contrail.MeterAttribute"))
        {
            return $"in {(kind == "interface" ? "an" : "a")} {kind} without [Meter]";
        }

        if (kind != "class")
        {
            return $"in a [Meter] {kind}";
        }

        if (type.ContainingType is not null)
        {
            return "in a nested [Meter] class";
        }

        if (type.IsFileLocal)
        {
            return "in a file-local [Meter] class";
        }

        if (type.IsGenericType)
        {
            return "in a generic [Meter] class";
        }

        if (method.IsGenericMethod)
        {
            return "generic method";
        }

        if (method.Parameters.Any(p => p.IsParams))
        {
            return "params parameter";
        }

        if (method.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            return "ref, out or in parameter";
        }

        return method.IsStatic == type.IsStatic ? "other"
            : type.IsStatic ? "instance method in a static [Meter] class"
            : "static method in a non-static [Meter] class";
    }

    /// <summary>The member declaration a diagnostic is in; for a type, its attributes, modifiers, name and bases only.</summary>
    private static (SyntaxTree? Tree, TextSpan Span) DeclarationSpan(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        var member = tree?.GetRoot().FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MemberDeclarationSyntax>();
        return member switch
        {
            null => (tree, diagnostic.Location.SourceSpan),
            BaseTypeDeclarationSyntax type when !type.OpenBraceToken.IsMissing => (tree, TextSpan.FromBounds(type.SpanStart, type.OpenBraceToken.SpanStart)),
            _ => (tree, member.Span),
        };
    }

    private static bool Within(Diagnostic diagnostic, (SyntaxTree? Tree, TextSpan Span) declaration) =>
        diagnostic.Location.SourceTree == declaration.Tree && declaration.Span.Contains(diagnostic.Location.SourceSpan);

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static MisuseProblem Problem(MisuseProblemKind kind, string signature, Diagnostic diagnostic) =>
        new(kind, signature, Format(diagnostic));

    /// <summary>A diagnostic with its file (the generated file's hint name), line and message: no machine paths.</summary>
    private static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location.IsInSource ? $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})" : "(no location)";
        return $"{diagnostic.Id} {where}: {Message(diagnostic)}";
    }

    private static (string Id, string Path, TextSpan Span, string Message) Key(Diagnostic diagnostic) =>
        (diagnostic.Id, diagnostic.Location.SourceTree?.FilePath ?? string.Empty, diagnostic.Location.SourceSpan, Message(diagnostic));

    /// <summary>"Analyzer 'X' threw an exception of type 'Y'": the message without the exception's own text.</summary>
    private static string AnalyzerCrash(Diagnostic diagnostic)
    {
        var message = Message(diagnostic);
        var end = message.IndexOf(" with message", StringComparison.Ordinal);
        return "AD0001 " + (end < 0 ? message : message.Substring(0, end));
    }

    /// <summary>The generator whose file a diagnostic is in (generated files live under the generator's type name).</summary>
    private static string GeneratorOf(Diagnostic diagnostic)
    {
        var path = diagnostic.Location.SourceTree?.FilePath ?? string.Empty;
        return new[] { nameof(TracedServiceGenerator), nameof(ErrorCatalogGenerator), nameof(MetricsGenerator) }.FirstOrDefault(path.Contains) ?? "generated";
    }
}

internal enum MisuseProblemKind
{
    /// <summary>A generator threw (its run result's exception).</summary>
    GeneratorException,

    /// <summary>CS8784/CS8785: the compiler's report that a generator failed.</summary>
    GeneratorFailure,

    /// <summary>AD0001: an analyzer threw.</summary>
    AnalyzerException,

    /// <summary>A compiler error located in a generated file, other than a copy of the user's own error.</summary>
    GeneratedFileError,

    /// <summary>
    /// An error of <see cref="MisuseOracle.MaskingErrorIds"/> in the user's code that is neither in their code
    /// without the generated files (CS8795 always is) nor explained by their own error in the same member.
    /// </summary>
    MaskingError,
}

/// <summary>One thing that went wrong; <paramref name="Signature"/> says what, without the case's names, to group findings by cause.</summary>
internal sealed record MisuseProblem(MisuseProblemKind Kind, string Signature, string Text);

/// <summary>
/// What a compilation did: its problems, as text (holding no compilation, so that a long run stays small);
/// how many errors were excused as the user's own (generated copies of their errors, masking errors their
/// own error in the same member explains); and whether the user's code has errors of its own (then the
/// problems are noise beside them; without, they are all the build says, in place of Contrail's diagnostics).
/// </summary>
internal sealed record MisuseCheck(ImmutableArray<MisuseProblem> Problems, int ExcusedEchoes, int ExcusedMasking, bool HasOwnErrors)
{
    public bool IsFinding => !Problems.IsEmpty;

    public string Describe() =>
        string.Join("\n", Problems.Select(p => $"  [{p.Kind}] {p.Text}")) + (HasOwnErrors ? "\n  (the user's code also has errors of its own)" : string.Empty);
}

/// <summary>A fuzz case and what it did.</summary>
internal sealed record MisuseOutcome(MisuseCase Case, MisuseCheck Check)
{
    public string Describe() => Case.Describe() + "\n" + Check.Describe();
}
