namespace LambdaBestPractices.Analyzers;

/// <summary>The single place that knows where rule pages live.</summary>
internal static class HelpLinks
{
    public const string RepositoryUrl = "https://github.com/lambda-best-practices/LambdaBestPractices.Analyzers";

    public static string For(string id) => RepositoryUrl + "/blob/main/docs/rules/" + id + ".md";
}
