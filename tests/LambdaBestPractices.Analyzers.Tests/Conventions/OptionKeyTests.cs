using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LambdaBestPractices.Analyzers.Tests.Verifiers;

namespace LambdaBestPractices.Analyzers.Tests.Conventions;

/// <summary>Every configuration key lives in OptionKeys, follows the naming scheme and is documented where users look.</summary>
public class OptionKeyTests
{
    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var option in OptionKeys.All)
        {
            data.Add(option.Key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Key_FollowsTheScheme(string key)
    {
        var option = OptionKeys.All.Single(o => o.Key == key);
        var pattern = option.RuleId is null
            ? "^lambda_best_practices\\.[a-z][a-z0-9_]*$"
            : "^lambda_best_practices\\." + option.RuleId + "\\.[a-z][a-z0-9_]*$";
        Assert.Matches(new Regex(pattern), key);
        if (option.RuleId is not null)
        {
            Assert.Contains(option.RuleId, AnalyzerCatalog.Descriptors.Select(d => d.Id));
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Key_IsDocumented(string key)
    {
        var option = OptionKeys.All.Single(o => o.Key == key);
        var configuration = File.ReadAllText(Path.Combine(AnalyzerCatalog.RepositoryRoot, "docs", "configuration.md"));
        Assert.Contains("`" + key + "`", configuration, StringComparison.Ordinal);
        if (option.RuleId is not null)
        {
            var page = File.ReadAllText(Path.Combine(AnalyzerCatalog.RepositoryRoot, "docs", "rules", option.RuleId + ".md"));
            Assert.True(page.Contains(key, StringComparison.Ordinal), $"docs/rules/{option.RuleId}.md does not mention {key}");
        }
    }

    [Fact]
    public void Keys_AreUnique() =>
        Assert.Equal(OptionKeys.All.Length, OptionKeys.All.Select(o => o.Key.ToLowerInvariant()).Distinct().Count());

    /// <summary>No key spelled out anywhere else in the analyzers: a key outside OptionKeys would escape the docs and these tests.</summary>
    [Fact]
    public void Keys_AreSpelledOnlyInOptionKeys()
    {
        var source = Path.Combine(AnalyzerCatalog.RepositoryRoot, "src");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && Path.GetFileName(f) != "OptionKeys.cs")
            .Where(f => File.ReadAllText(f).Contains("\"lambda_best_practices.", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(AnalyzerCatalog.RepositoryRoot, f))
            .ToArray();
        Assert.Empty(offenders);
    }
}
