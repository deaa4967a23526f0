using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Tests.Conventions;

public class DescriptorTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in AnalyzerCatalog.Descriptors.Select(d => d.Id).Distinct())
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void Catalog_IsNotEmpty() => Assert.NotEmpty(AnalyzerCatalog.Descriptors);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_MatchesSchemeAndCategory(string id)
    {
        Assert.Matches(new Regex("^LBP[1-4][0-9]{2}$"), id);

        // The one exception the product catalog (RULES.md) makes: LBP304, reserved environment variables, was numbered with
        // the environment rules (LBP301) but is a Configuration rule.
        var expectedCategory = id == "LBP304" ? "Configuration" : id[3] switch
        {
            '1' => "Performance",
            '2' => "Reliability",
            '3' => "Security",
            _ => "Configuration",
        };
        Assert.All(AnalyzerCatalog.Descriptors.Where(d => d.Id == id), d => Assert.Equal(expectedCategory, d.Category));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasHelpLinkTitleMessageAndDescription(string id)
    {
        foreach (var descriptor in AnalyzerCatalog.Descriptors.Where(d => d.Id == id))
        {
            Assert.Equal(HelpLinks.RepositoryUrl + "/blob/main/docs/rules/" + id + ".md", descriptor.HelpLinkUri);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
            Assert.False(descriptor.Title.ToString().EndsWith('.'));
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void DescriptorsSharingAnId_AgreeOnEverythingButTheCompilationEndTag(string id)
    {
        var descriptors = AnalyzerCatalog.Descriptors.Where(d => d.Id == id).ToArray();
        Assert.InRange(descriptors.Length, 1, 2);
        Assert.All(descriptors, d =>
        {
            Assert.Equal(descriptors[0].Title, d.Title);
            Assert.Equal(descriptors[0].MessageFormat, d.MessageFormat);
            Assert.Equal(descriptors[0].DefaultSeverity, d.DefaultSeverity);
            Assert.Equal(descriptors[0].IsEnabledByDefault, d.IsEnabledByDefault);
        });
        if (descriptors.Length == 2)
        {
            Assert.Single(descriptors, d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void RulePage_ExistsWithTitleAsHeading(string id)
    {
        var path = Path.Combine(AnalyzerCatalog.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing");
        var title = AnalyzerCatalog.Descriptors.First(d => d.Id == id).Title.ToString();
        Assert.Equal($"# {id}: {title}", File.ReadLines(path).First());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void RuleCatalogAndReadme_ListTheRule(string id)
    {
        var title = AnalyzerCatalog.Descriptors.First(d => d.Id == id).Title.ToString();
        foreach (var file in new[] { Path.Combine("docs", "rules", "README.md"), "README.md" })
        {
            var text = File.ReadAllText(Path.Combine(AnalyzerCatalog.RepositoryRoot, file));
            Assert.Contains($"[{id}](", text);
            Assert.Contains(title, text);
        }
    }

    [Fact]
    public void ReleaseTracking_ListsExactlyTheShippedIds()
    {
        var folder = Path.Combine(AnalyzerCatalog.RepositoryRoot, "src", "LambdaBestPractices.Analyzers");
        var tracked = File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Unshipped.md")))
            .Select(l => Regex.Match(l, "^(LBP[0-9]{3})\\s*\\|"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .OrderBy(x => x);
        Assert.Equal(AnalyzerCatalog.Descriptors.Select(d => d.Id).Distinct().OrderBy(x => x), tracked);
    }
}
