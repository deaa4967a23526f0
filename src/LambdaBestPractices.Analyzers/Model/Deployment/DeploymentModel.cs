using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Model.Deployment;

/// <summary>
/// What a compilation's deployment files say (part of <see cref="LambdaCompilation"/>, one per set of analyzer options):
/// the functions they define, which of them this project's code implements, the event sources of its handlers, and
/// whether SnapStart is on. The files are the project's <c>AdditionalFiles</c> that the package's props mark (or that are
/// named like a template or the tools' defaults), each parsed once. A compilation without such files pays for one pass
/// over its additional files' names.
/// </summary>
internal sealed class DeploymentModel
{
    public static readonly DeploymentModel Empty = new(ImmutableArray<DeploymentFile>.Empty, ImmutableArray<DeployedFunction>.Empty, ImmutableArray<DeployedFunction>.Empty);

    /// <summary>The package's MSBuild switch, <c>LambdaBestPracticesDeploymentFiles</c>: <c>false</c> reads no deployment file.</summary>
    internal const string SwitchProperty = "build_property.LambdaBestPracticesDeploymentFiles";

    // Parsed once per file text object: an IDE keeps the same AdditionalText while the file is unchanged.
    private static readonly ConditionalWeakTable<AdditionalText, StrongBox<DeploymentFile?>> s_parsed = new();

    private DeploymentModel(ImmutableArray<DeploymentFile> files, ImmutableArray<DeployedFunction> functions, ImmutableArray<DeployedFunction> own)
    {
        Files = files;
        Functions = functions;
        OwnFunctions = own;
        SnapStart = false;
        foreach (var function in own)
        {
            SnapStart |= function.SnapStart;
        }

        Handlers = HandlerSources(own);
        var bootstrap = EventSources.None;
        foreach (var function in own)
        {
            if (function.HandlerName is { Type: null })
            {
                bootstrap |= function.Sources;
            }
        }

        ConfiguredHandlers = Model.ConfiguredHandlers.FromDeployment(Handlers, bootstrap);
    }

    /// <summary>Every deployment file, parsed or not.</summary>
    public ImmutableArray<DeploymentFile> Files { get; }

    /// <summary>Every function the files define.</summary>
    public ImmutableArray<DeployedFunction> Functions { get; }

    /// <summary>
    /// The functions this project implements: the handler's type is declared in this compilation's source, or the handler
    /// names this executable assembly (and the function's <c>CodeUri</c>, if any, is this project's folder), on a runtime
    /// .NET can use. A template at the solution root that defines several projects' functions gives each project only its
    /// own; functions of other languages and container images are nobody's.
    /// </summary>
    public ImmutableArray<DeployedFunction> OwnFunctions { get; }

    /// <summary>Whether one of this project's functions has <c>SnapStart: ApplyOn: PublishedVersions</c>.</summary>
    public bool SnapStart { get; }

    /// <summary>The handlers the files name, as <c>Namespace.Type.Method</c>, with the event sources the files connect to them.</summary>
    public ImmutableDictionary<string, EventSources> Handlers { get; }

    /// <summary><see cref="Handlers"/> as the handler model matches them, built once.</summary>
    public ConfiguredHandlers ConfiguredHandlers { get; }

    public bool IsEmpty => Files.IsEmpty;

    /// <summary>The parsed file behind <paramref name="text"/>, if it is one of the deployment files.</summary>
    public DeploymentFile? FileFor(AdditionalText text)
    {
        foreach (var file in Files)
        {
            if (string.Equals(file.Path, text.Path, StringComparison.Ordinal))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>The functions of this project that <paramref name="file"/> defines.</summary>
    public IEnumerable<DeployedFunction> OwnFunctionsIn(DeploymentFile file)
    {
        foreach (var function in OwnFunctions)
        {
            if (ReferenceEquals(function.File, file))
            {
                yield return function;
            }
        }
    }

    /// <summary>
    /// The environment variables of this project's functions in <paramref name="file"/>, each written place once (a
    /// <c>Globals</c> variable shared by several functions is one entry).
    /// </summary>
    public IEnumerable<DeployedVariable> OwnVariablesIn(DeploymentFile file)
    {
        var seen = new HashSet<int>();
        foreach (var function in OwnFunctionsIn(file))
        {
            foreach (var variable in function.Variables)
            {
                if (seen.Add(variable.KeySpan.Start))
                {
                    yield return variable;
                }
            }
        }
    }

    internal static DeploymentModel Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (global.TryGetValue(SwitchProperty, out var switchValue) && string.Equals(switchValue.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            return Empty;
        }

        var files = ImmutableArray.CreateBuilder<DeploymentFile>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var additional in options.AdditionalFiles)
        {
            var kind = DeploymentFile.KindOf(additional, options.AnalyzerConfigOptionsProvider);
            if (kind == DeploymentFileKind.None || !paths.Add(additional.Path))
            {
                continue;
            }

            var parsed = s_parsed.GetValue(additional, text => new StrongBox<DeploymentFile?>(DeploymentFile.Load(text, kind, cancellationToken))).Value;
            if (parsed is not null)
            {
                files.Add(parsed);
            }
        }

        if (files.Count == 0)
        {
            return Empty;
        }

        var functions = ImmutableArray.CreateBuilder<DeployedFunction>();
        foreach (var file in files)
        {
            functions.AddRange(file.Kind == DeploymentFileKind.Template ? LambdaTemplate.Read(file, cancellationToken) : ToolsDefaults.Read(file));
        }

        var projectDirectory = global.TryGetValue("build_property.projectdir", out var directory) && directory.Length > 0 ? directory : null;
        var own = ImmutableArray.CreateBuilder<DeployedFunction>();
        foreach (var function in functions)
        {
            if (IsOwn(function, compilation, projectDirectory) && !NamesAnotherAssembly(function, functions, compilation))
            {
                own.Add(function);
            }
        }

        return new DeploymentModel(files.ToImmutable(), functions.ToImmutable(), own.ToImmutable());
    }

    /// <summary>
    /// A function of a runtime .NET can use, whose handler names a type of this compilation, or this executable assembly
    /// (then also its <c>CodeUri</c>, when it says, must be this project's folder or one inside it: <c>bootstrap</c> names
    /// every custom-runtime function). A function without a .NET handler (an image, another language) is nobody's.
    /// </summary>
    private static bool IsOwn(DeployedFunction function, Compilation compilation, string? projectDirectory) =>
        function.MayBeDotNet && function.HandlerName switch
        {
            { MetadataType: { } type } => compilation.Assembly.GetTypeByMetadataName(type) is not null,
            { } executable => SameAssembly(executable.Assembly, compilation) && CodeMayBeProjects(function, projectDirectory),
            _ => false,
        };

    private static bool CodeMayBeProjects(DeployedFunction function, string? projectDirectory)
    {
        if (function.CodeUri is not { Length: > 0 } codeUri || projectDirectory is null || codeUri.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        try
        {
            var code = Trimmed(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(function.File.Path) ?? string.Empty, codeUri)));
            var project = Trimmed(Path.GetFullPath(projectDirectory));
            return code.StartsWith(project, StringComparison.OrdinalIgnoreCase) || project.StartsWith(code, StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return true;
        }

        static string Trimmed(string path) => path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
    }

    /// <summary>
    /// The assembly part only chooses between candidates (a build may rename the assembly): a function whose handler names
    /// another assembly is not this project's when another function names the same method with this assembly.
    /// </summary>
    private static bool NamesAnotherAssembly(DeployedFunction function, ImmutableArray<DeployedFunction>.Builder functions, Compilation compilation)
    {
        if (function.HandlerName is not { QualifiedMethod: { } method, Assembly: var assembly } || SameAssembly(assembly, compilation))
        {
            return false;
        }

        foreach (var other in functions)
        {
            if (other.HandlerName is { } name && string.Equals(name.QualifiedMethod, method, StringComparison.Ordinal) && SameAssembly(name.Assembly, compilation))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameAssembly(string assembly, Compilation compilation) =>
        string.Equals(assembly, compilation.AssemblyName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Each handler method of this project's functions, with the union of the sources connected to it (a method can serve
    /// several functions).
    /// </summary>
    private static ImmutableDictionary<string, EventSources> HandlerSources(ImmutableArray<DeployedFunction> own)
    {
        if (own.IsEmpty)
        {
            return ImmutableDictionary<string, EventSources>.Empty;
        }

        var handlers = ImmutableDictionary.CreateBuilder<string, EventSources>(StringComparer.Ordinal);
        foreach (var function in own)
        {
            if (function.HandlerName?.QualifiedMethod is { } method)
            {
                handlers[method] = (handlers.TryGetValue(method, out var known) ? known : EventSources.None) | function.Sources;
            }
        }

        return handlers.ToImmutable();
    }
}
