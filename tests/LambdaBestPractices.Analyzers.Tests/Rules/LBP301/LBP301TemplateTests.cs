using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP301KeepSecretsOutOfEnvironmentRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

/// <summary>LBP301 in the project's deployment files: secrets written into a function's environment by a template.</summary>
public class LBP301TemplateTests
{
    internal const string Function = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        namespace Orders
        {
            public class Function
            {
                public Task Handle(SQSEvent evt, ILambdaContext context) => Task.CompletedTask;
            }
        }
        """;

    // OtherFunction's handler is another project's: a template at the solution root gives each project its own functions.
    internal const string Template = """
        Globals:
          Function:
            Environment:
              Variables:
                API_KEY: abc123secret
        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Orders.Function::Handle
              Environment:
                Variables:
                  DB_PASSWORD: hunter2
                  DB_PASSWORD_SECRET_ARN: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db
                  STRIPE_TOKEN: '{{resolve:secretsmanager:stripe:SecretString:token}}'
                  SIGNING_KEY: !Sub '{{resolve:ssm-secure:/orders/${Stage}/signing}}'
                  QUEUE_URL: '{{resolve:ssm:/orders/queue-url}}'
                  EMPTY_PASSWORD: ''
                  PARAM_PASSWORD: !Ref DbPassword
                  TABLE_NAME: orders
                  AWS_REGION: eu-west-1
          OtherFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Other::Other.Function::Handle
              Environment:
                Variables:
                  OTHER_PASSWORD: hunter2
                  AWS_REGION: eu-west-1
        """;

    private const string Path = "/src/template.yaml";

    [Fact]
    public Task LiteralSecretsAndSecretDynamicReferences_Report() => VerifyAsync(
        (Path, Template),
        null,
        Plain(5, 18, 30, "API_KEY"),
        Plain(13, 24, 31, "DB_PASSWORD"),
        Resolved(15, 25, 79, "STRIPE_TOKEN", "secretsmanager"),
        Resolved(16, 24, 78, "SIGNING_KEY", "ssm-secure"));

    [Fact]
    public Task ToolsDefaultsVariable_ReportsAtItsKey() => VerifyAsync(
        ("/src/aws-lambda-tools-defaults.json", """
        {
          "function-handler": "TestProject::Orders.Function::Handle",
          "environment-variables": "TABLE_NAME=orders;DB_PASSWORD=hunter2"
        }
        """),
        null,
        Verify.Diagnostic(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables).WithSpan("/src/aws-lambda-tools-defaults.json", 3, 47, 3, 58).WithArguments("DB_PASSWORD"));

    [Fact]
    public Task JsonTemplate_Reports() => VerifyAsync(
        ("/src/serverless.template", """
        {
          "Resources": {
            "OrdersFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Handler": "TestProject::Orders.Function::Handle",
                "Environment": { "Variables": { "DB_PASSWORD": "hunter2", "API_TOKEN": { "Fn::Join": [ "", [ "{{resolve:secretsmanager:", { "Ref": "Secret" }, "}}" ] ] } } }
              }
            }
          }
        }
        """),
        null,
        Plain(7, 56, 65, "DB_PASSWORD", "/src/serverless.template"),
        Resolved(7, 80, 162, "API_TOKEN", "secretsmanager", "/src/serverless.template"));

    [Fact]
    public Task PointersFlagsNullsAndAliases_AreSilent() => VerifyAsync(
        (Path, OrdersFunction(
            "DB_PASSWORD_ARN: &secret !Ref DbSecret",
            "DB_PASSWORD: *secret",
            "JWT_SECRET: arn:aws:secretsmanager:eu-west-1:123456789012:secret:jwt-AbCdEf",
            "DB_CREDENTIALS: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db",
            "DB_PASSWORD_SSM: /prod/db/password",
            "ENABLE_API_KEY: \"true\"",
            "API_TOKEN_LENGTH: 32",
            "CLIENT_SECRET: ~",
            "API_KEY: null",
            "PRIVATE_KEY: ''")),
        null);

    [Fact]
    public Task ToolsDefaultsKeyAfterAValueThatNamesIt_ReportsAtTheKey() => VerifyAsync(
        ("/src/aws-lambda-tools-defaults.json", """
        {
          "function-handler": "TestProject::Orders.Function::Handle",
          "environment-variables": "AUTH_MODE=API_KEY;API_KEY=abc"
        }
        """),
        null,
        Verify.Diagnostic(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables).WithSpan("/src/aws-lambda-tools-defaults.json", 3, 47, 3, 54).WithArguments("API_KEY"));

    [Theory]
    [InlineData("Handler: index.handler\n      Runtime: nodejs20.x")]
    [InlineData("Handler: app.handler\n      Runtime: python3.12")]
    [InlineData("PackageType: Image")]
    [InlineData("Handler: bootstrap\n      Runtime: provided.al2023")]
    public Task FunctionsNoDotNetProjectImplements_AreSilent(string handler) => VerifyAsync(
        (Path, $$"""
        Resources:
          Authorizer:
            Type: AWS::Serverless::Function
            Properties:
              {{handler}}
              Environment:
                Variables:
                  API_KEY: literal-key
        """),
        null);

    [Fact]
    public Task TestProject_IsSilent() => VerifyAsync((Path, Template), "is_global = true\nbuild_property.IsTestProject = true\n");

    [Fact]
    public Task ConfiguredSecretTokens_Apply() => VerifyAsync(
        (Path, OrdersFunction("SIGNING_SALT: pepper")),
        "is_global = true\nlambda_best_practices.LBP301.secret_tokens = SALT\n",
        Plain(8, 25, 31, "SIGNING_SALT"));

    /// <summary>A template with the one function of <see cref="Function"/>, whose environment is <paramref name="variables"/> (one per line).</summary>
    private static string OrdersFunction(params string[] variables) =>
        "Resources:\n  OrdersFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Orders.Function::Handle\n"
        + "      Environment:\n        Variables:\n" + string.Join("\n", System.Array.ConvertAll(variables, v => "          " + v));

    private static DiagnosticResult Plain(int line, int column, int endColumn, string name, string path = Path) =>
        Verify.Diagnostic(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables).WithSpan(path, line, column, line, endColumn).WithArguments(name);

    private static DiagnosticResult Resolved(int line, int column, int endColumn, string name, string service, string path = Path) =>
        Verify.Diagnostic(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables).WithSpan(path, line, column, line, endColumn).WithArguments(name + "' set by the dynamic reference 'resolve:" + service);

    private static async Task VerifyAsync((string Path, string Text) file, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = Function };
        test.TestState.AdditionalFiles.Add(file);
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
