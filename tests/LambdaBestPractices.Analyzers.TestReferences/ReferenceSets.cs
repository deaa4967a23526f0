using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.TestReferences;

/// <summary>One entry of the restored reference set: a .NET 8 reference assembly, an ASP.NET Core 8 one, a package's compile assembly, or a
/// package the set must contain (<see cref="Kind"/> <c>expect</c>, no <see cref="Path"/>).</summary>
public sealed record ReferenceSetEntry(string Kind, string Name, string Version, string Path)
{
    public const string Framework = "framework";
    public const string AspNetCore = "aspnetcore";
    public const string Package = "package";
    public const string Expect = "expect";
}

/// <summary>Thrown when the restored reference set is incomplete or unreadable; the message names what is missing and
/// how to restore it.</summary>
public sealed class ReferenceSetException : Exception
{
    public ReferenceSetException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// The metadata references every test compilation, every verifier and the benchmark's corpus compile against. They are not
/// resolved at run time: <c>dotnet restore</c> of tests/ReferenceSet.Net80 (a net8.0 project referencing the served
/// AWSSDK.* and Microsoft.Extensions.* packages at the versions of Directory.Packages.props) brings them into the NuGet
/// package folder, and the build embeds the resolved paths (reference-set.txt). The set is read and checked once per process,
/// before any test compiles against it (see <see cref="Problems"/>).
/// </summary>
public static class ReferenceSets
{
    public const string RestoreHint =
        "Restore it with `dotnet restore Analyzers.sln` (`dotnet test Analyzers.sln` and `bash bench/run.sh` restore it too), then run again.";

    private const string ListResource = "reference-set.txt";

    private static readonly Lazy<LoadedSet> Set = new(() => Load(ReadEmbeddedList()), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly ConcurrentDictionary<string, ImmutableArray<MetadataReference>> Subsets = new(StringComparer.Ordinal);

    /// <summary>The .NET 8 reference assemblies alone: a compilation with no AWS reference at all.</summary>
    public static ImmutableArray<MetadataReference> Net80 => Checked().Framework;

    /// <summary>The .NET 8 reference assemblies and every restored package (AWSSDK.*, Microsoft.Extensions.* and their dependencies).</summary>
    public static ImmutableArray<MetadataReference> Net80WithAws => Checked().All;

    /// <summary>
    /// <see cref="Net80WithAws"/> and the ASP.NET Core 8 reference pack (tests/ReferenceSet.Net80.AspNetCore), for ASP.NET
    /// Core functions on Lambda. The shared framework's own copies of Microsoft.Extensions.* replace the packages', as they
    /// do in a web project.
    /// </summary>
    public static ImmutableArray<MetadataReference> Net80WithAwsAndAspNetCore
    {
        get
        {
            var loaded = Checked();
            if (!loaded.Entries.Any(e => e.Kind == ReferenceSetEntry.AspNetCore && Path.GetFileName(e.Path).Equals("Microsoft.AspNetCore.Http.Abstractions.dll", StringComparison.OrdinalIgnoreCase)))
            {
                throw new ReferenceSetException(Describe(new[] { "the ASP.NET Core 8 reference pack (Microsoft.AspNetCore.App.Ref, Microsoft.AspNetCore.Http.Abstractions.dll) is not in the set: tests/ReferenceSet.Net80.AspNetCore was not restored" }));
            }

            return loaded.WithAspNetCore;
        }
    }

    /// <summary><see cref="Net80WithAws"/> without the compile assemblies of the named packages (built once per distinct list).</summary>
    public static ImmutableArray<MetadataReference> Net80WithAwsExcept(params string[] packageIds)
    {
        var loaded = Checked();
        var key = string.Join("|", packageIds.OrderBy(id => id, StringComparer.OrdinalIgnoreCase));
        return Subsets.GetOrAdd(key, _ =>
        {
            foreach (var id in packageIds)
            {
                if (!loaded.Entries.Any(e => e.Kind == ReferenceSetEntry.Package && e.Name.Equals(id, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ArgumentException($"'{id}' is not a package of the reference set.", nameof(packageIds));
                }
            }

            return loaded.References
                .Where(r => !(r.Entry.Kind == ReferenceSetEntry.Package && packageIds.Contains(r.Entry.Name, StringComparer.OrdinalIgnoreCase)))
                .Select(r => r.Reference)
                .ToImmutableArray();
        });
    }

    /// <summary>Every entry of the embedded list.</summary>
    public static IReadOnlyList<ReferenceSetEntry> Entries => Set.Value.Entries;

    /// <summary>What is wrong with the restored set (empty when it is complete and every file reads as an assembly).</summary>
    public static IReadOnlyList<string> Problems => Set.Value.Problems;

    /// <summary>Throws <see cref="ReferenceSetException"/> naming every problem when the set is not usable.</summary>
    public static void EnsureComplete() => Checked();

    /// <summary>The problems of a set given as list lines ("kind|name|version|path"), checked as the embedded list is.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<string> lines) => Load(lines).Problems;

    /// <summary>The message of <see cref="ReferenceSetException"/> for <paramref name="problems"/>.</summary>
    public static string Describe(IReadOnlyList<string> problems) =>
        $"The test reference set is incomplete ({problems.Count} problem(s)):{Environment.NewLine}" +
        string.Join(Environment.NewLine, problems.Select(p => "  - " + p)) + Environment.NewLine + RestoreHint;

    private static LoadedSet Checked()
    {
        var loaded = Set.Value;
        if (loaded.Problems.Count > 0)
        {
            throw new ReferenceSetException(Describe(loaded.Problems));
        }

        return loaded;
    }

    private static IEnumerable<string> ReadEmbeddedList()
    {
        using var stream = typeof(ReferenceSets).Assembly.GetManifestResourceStream(ListResource);
        if (stream is null)
        {
            return Array.Empty<string>();
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static LoadedSet Load(IEnumerable<string> lines)
    {
        var problems = new List<string>();
        var entries = new List<ReferenceSetEntry>();
        foreach (var line in lines)
        {
            var parts = line.Split('|');
            if (parts.Length != 4 || parts[0] is not (ReferenceSetEntry.Framework or ReferenceSetEntry.AspNetCore or ReferenceSetEntry.Package or ReferenceSetEntry.Expect))
            {
                problems.Add($"unreadable line in {ListResource}: '{line}'");
                continue;
            }

            entries.Add(new ReferenceSetEntry(parts[0], parts[1], parts[2], parts[3]));
        }

        if (entries.Count == 0)
        {
            problems.Add($"{ListResource} lists nothing: tests/LambdaBestPractices.Analyzers.TestReferences was built without a restored tests/ReferenceSet.Net80");
        }
        else if (!entries.Any(e => e.Kind == ReferenceSetEntry.Framework && Path.GetFileName(e.Path).Equals("System.Runtime.dll", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("the .NET 8 reference pack (Microsoft.NETCore.App.Ref, System.Runtime.dll) is not in the set");
        }


        foreach (var expected in entries.Where(e => e.Kind == ReferenceSetEntry.Expect))
        {
            if (!entries.Any(e => e.Kind == ReferenceSetEntry.Package && e.Name.Equals(expected.Name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"package {expected.Name} (a PackageReference of tests/ReferenceSet.Net80) has no compile assembly in the set");
            }
        }

        var references = new List<(ReferenceSetEntry Entry, MetadataReference Reference)>();
        foreach (var entry in entries.Where(e => e.Kind != ReferenceSetEntry.Expect))
        {
            var what = entry.Kind switch
            {
                ReferenceSetEntry.Framework => $"{Path.GetFileName(entry.Path)} (.NET reference pack {entry.Version})",
                ReferenceSetEntry.AspNetCore => $"{Path.GetFileName(entry.Path)} (ASP.NET Core reference pack {entry.Version})",
                _ => $"{Path.GetFileName(entry.Path)} (package {entry.Name} {entry.Version})",
            };
            if (!File.Exists(entry.Path))
            {
                problems.Add($"{what} is missing: {entry.Path}{PackageFolderHint(entry)}");
                continue;
            }

            try
            {
                var metadata = AssemblyMetadata.CreateFromFile(entry.Path);
                _ = metadata.GetModules();
                references.Add((entry, metadata.GetReference(filePath: entry.Path)));
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
            {
                problems.Add($"{what} cannot be read ({e.GetType().Name}: {e.Message}): {entry.Path}{PackageFolderHint(entry)}");
            }
        }

        return new LoadedSet(entries, references, problems);
    }

    /// <summary>
    /// NuGet takes a package folder that has its metadata file for installed even when a file inside is gone, so a restore
    /// alone does not bring a lost file back: name the folder to delete first.
    /// </summary>
    private static string PackageFolderHint(ReferenceSetEntry entry)
    {
        var marker = Path.DirectorySeparatorChar + entry.Version + Path.DirectorySeparatorChar;
        var at = entry.Version.Length == 0 ? -1 : entry.Path.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? "" : $" (delete the folder {entry.Path[..(at + marker.Length - 1)]} before restoring)";
    }

    private sealed class LoadedSet
    {
        public LoadedSet(List<ReferenceSetEntry> entries, List<(ReferenceSetEntry Entry, MetadataReference Reference)> references, List<string> problems)
        {
            Entries = entries;
            References = references;
            Problems = problems;
            Framework = references.Where(r => r.Entry.Kind == ReferenceSetEntry.Framework).Select(r => r.Reference).ToImmutableArray();
            All = references.Where(r => r.Entry.Kind != ReferenceSetEntry.AspNetCore).Select(r => r.Reference).ToImmutableArray();
            var web = references.Where(r => r.Entry.Kind == ReferenceSetEntry.AspNetCore).ToList();
            var webFiles = new HashSet<string>(web.Select(r => Path.GetFileName(r.Entry.Path)), StringComparer.OrdinalIgnoreCase);
            WithAspNetCore = references
                .Where(r => r.Entry.Kind == ReferenceSetEntry.Framework || (r.Entry.Kind == ReferenceSetEntry.Package && !webFiles.Contains(Path.GetFileName(r.Entry.Path))))
                .Concat(web)
                .Select(r => r.Reference)
                .ToImmutableArray();
        }

        public IReadOnlyList<ReferenceSetEntry> Entries { get; }

        public IReadOnlyList<(ReferenceSetEntry Entry, MetadataReference Reference)> References { get; }

        public IReadOnlyList<string> Problems { get; }

        public ImmutableArray<MetadataReference> Framework { get; }

        public ImmutableArray<MetadataReference> All { get; }

        public ImmutableArray<MetadataReference> WithAspNetCore { get; }
    }
}
