using System.Threading.Tasks;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP304DontOverwriteReservedVariablesRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

/// <summary>LBP304 in the project's deployment files: a reserved key in a function's environment fails the deployment.</summary>
public class LBP304TemplateTests
{
    private const string Consequence = "Lambda rejects it in a function's configuration, so the deployment fails";

    [Fact]
    public async Task ReservedKeyOfOwnFunction_ReportsAtTheKey()
    {
        // The shared template of LBP301's tests: AWS_REGION is set for OrdersFunction (this project's) and OtherFunction (not).
        var test = new Verify.Test { TestCode = LBP301TemplateTests.Function };
        test.TestState.AdditionalFiles.Add(("/src/template.yaml", LBP301TemplateTests.Template));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP304_DontOverwriteReservedVariables).WithSpan("/src/template.yaml", 21, 11, 21, 21).WithArguments("AWS_REGION", Consequence));
        await test.RunAsync();
    }

    [Fact]
    public async Task GlobalsKeyUsedByTwoFunctions_ReportsOnce()
    {
        var test = new Verify.Test { TestCode = LBP301TemplateTests.Function };
        test.TestState.AdditionalFiles.Add(("/src/template.yaml", """
            Globals:
              Function:
                Environment:
                  Variables:
                    _HANDLER: x
            Resources:
              A:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Orders.Function::Handle
              B:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Orders.Function::Handle
                  Environment:
                    Variables:
                      AWS_LAMBDA_FUNCTION_NAME_SUFFIX: ok
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP304_DontOverwriteReservedVariables).WithSpan("/src/template.yaml", 5, 9, 5, 17).WithArguments("_HANDLER", Consequence));
        await test.RunAsync();
    }
}
