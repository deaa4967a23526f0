namespace LambdaBestPractices.Analyzers;

/// <summary>
/// Rule categories. The first digit of an ID names its category (1 Performance, 2 Reliability, 3 Security, 4 Configuration).
/// The words match Microsoft.CodeAnalysis.NetAnalyzers' categories, so a bulk
/// <c>dotnet_analyzer_diagnostic.category-Performance.severity</c> setting applies to both packages.
/// </summary>
internal static class DiagnosticCategories
{
    public const string Performance = "Performance";
    public const string Reliability = "Reliability";
    public const string Security = "Security";
    public const string Configuration = "Configuration";
}
