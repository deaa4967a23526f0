using System;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// Test code is not deployed to Lambda: hard-coded names, fake secrets and literal credentials are normal there, so the
/// configuration and security rules leave it alone (RULES.md). A compilation is test code when:
/// <list type="number">
/// <item><c>lambda_best_practices.treat_as_test_project</c> says so in <c>.editorconfig</c> or a <c>.globalconfig</c>
/// (<c>true</c> or <c>false</c>; it overrides the two checks below, both ways);</item>
/// <item>MSBuild marks it a test project: <c>build_property.IsTestProject = true</c> (set by Microsoft.NET.Test.Sdk and made
/// visible by the package's props);</item>
/// <item>it references a test framework: xUnit (v2 or v3), NUnit, MSTest or TUnit.</item>
/// </list>
/// </summary>
internal static class TestProjects
{
    /// <summary>The option key, in <c>.editorconfig</c> (per file) or a <c>.globalconfig</c> (whole project).</summary>
    public const string IsTestProjectOption = OptionKeys.TreatAsTestProject;

    private const string IsTestProjectProperty = "build_property.IsTestProject";

    private static readonly string[] TestFrameworkAssemblies =
    {
        "xunit.core",
        "xunit.v3.core",
        "nunit.framework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework",
        "TUnit.Core",
    };

    /// <summary>
    /// The project-wide answer: the global option, else the MSBuild property, else a referenced test framework.
    /// A per-file <c>.editorconfig</c> setting can still override it for one file (<see cref="IsTestCode"/>).
    /// </summary>
    public static bool IsTestProject(Compilation compilation, AnalyzerConfigOptionsProvider options)
    {
        if (options.GlobalOptions.TryReadBool(IsTestProjectOption, out var explicitValue))
        {
            return explicitValue;
        }

        if (options.GlobalOptions.TryReadBool(IsTestProjectProperty, out var isTestProject) && isTestProject)
        {
            return true;
        }

        foreach (var reference in compilation.ReferencedAssemblyNames)
        {
            foreach (var framework in TestFrameworkAssemblies)
            {
                if (string.Equals(reference.Name, framework, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether code in <paramref name="tree"/> is test code: an <c>.editorconfig</c> section that sets the option for the
    /// file wins; otherwise the project-wide answer <paramref name="projectIsTest"/>.
    /// </summary>
    public static bool IsTestCode(SyntaxTree tree, AnalyzerConfigOptionsProvider options, bool projectIsTest) =>
        options.GetOptions(tree).TryReadBool(IsTestProjectOption, out var value) ? value : projectIsTest;
}
