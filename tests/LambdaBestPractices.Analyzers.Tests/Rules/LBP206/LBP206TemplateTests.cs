using System.Threading.Tasks;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP206DontMakeUniqueValuesAtInitRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

/// <summary>LBP206: a template that turns SnapStart on for one of the project's functions says the project uses it.</summary>
public class LBP206TemplateTests
{
    private const string Source = """
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        namespace Orders
        {
            public class Function
            {
                private static readonly Guid RunId = {|#0:Guid.NewGuid()|};

                public Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    context.Logger.LogInformation(RunId.ToString());
                    return Task.CompletedTask;
                }
            }
        }
        """;

    private const string Template = """
        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Orders.Function::Handle
              AutoPublishAlias: live
              SnapStart:
                ApplyOn: PublishedVersions
        """;

    private static readonly string WithoutSnapStart = Template.Replace("\n      SnapStart:\n        ApplyOn: PublishedVersions", string.Empty);

    [Fact]
    public Task SnapStartInTemplate_Reports() => VerifyAsync(Template, null, reports: true);

    [Fact]
    public Task SnapStartInGlobals_Reports() => VerifyAsync(
        "Globals:\n  Function:\n    SnapStart:\n      ApplyOn: PublishedVersions\n" + WithoutSnapStart,
        null,
        reports: true);

    [Fact]
    public Task SnapStartOff_IsSilent() => VerifyAsync(Template.Replace("PublishedVersions", "None"), null, reports: false);

    [Fact]
    public Task SnapStartOnAnotherProjectsFunction_IsSilent() => VerifyAsync(Template.Replace("TestProject::Orders.Function::Handle", "Billing::Billing.Function::Handle"), null, reports: false);

    [Fact]
    public Task SnapStartOnAnotherLanguagesFunction_IsSilent() => VerifyAsync(
        WithoutSnapStart
            + "\n  Scorer:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n      Runtime: python3.12\n      SnapStart:\n        ApplyOn: PublishedVersions\n",
        null,
        reports: false);

    [Fact]
    public Task OptionFalse_WinsOverTheTemplate() => VerifyAsync(Template, "is_global = true\nlambda_best_practices.snapstart = false\n", reports: false);

    [Fact]
    public async Task ExecutableAssemblyHandlerWithSnapStart_Reports()
    {
        // Handler: the executable's assembly name (top-level statements on the managed runtime): the function is this
        // project's, so its SnapStart setting applies. The writer, and its ID, are made by init code: the snapshot holds them.
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                var writer = new ReportWriter();
                var handler = (string input, ILambdaContext context) => writer.Describe(input);
                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                internal sealed class ReportWriter
                {
                    private readonly string _workerId = {|#0:Guid.NewGuid().ToString("N")|};

                    public string Describe(string input) => input + _workerId;
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.AdditionalFiles.Add(("/src/template.yaml", "Resources:\n  Report:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject\n      SnapStart:\n        ApplyOn: PublishedVersions\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP206_DontMakeUniqueValuesAtInit_CrossType).WithLocation(0).WithArguments("_workerId", "Guid.NewGuid()"));
        await test.RunAsync();
    }

    private static async Task VerifyAsync(string template, string? globalConfig, bool reports)
    {
        var test = new Verify.Test { TestCode = reports ? Source : Source.Replace("{|#0:", string.Empty).Replace("()|}", "()") };
        test.TestState.AdditionalFiles.Add(("/src/template.yaml", template));
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        if (reports)
        {
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP206_DontMakeUniqueValuesAtInit).WithLocation(0).WithArguments("RunId", "Guid.NewGuid()"));
        }

        await test.RunAsync();
    }
}
