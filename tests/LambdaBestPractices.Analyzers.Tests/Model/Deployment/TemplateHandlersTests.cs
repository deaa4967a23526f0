using System.Threading.Tasks;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP101CreateClientsOnceRule>;

namespace LambdaBestPractices.Analyzers.Tests.Model.Deployment;

/// <summary>Handlers named by deployment files (templates, the tools' defaults) are entry points whatever their shape.</summary>
public class TemplateHandlersTests
{
    // No ILambdaContext parameter: only a deployment file can say this is a handler.
    private const string Source = """
        using System.Threading.Tasks;
        using Amazon.S3;

        namespace Orders
        {
            public class Worker
            {
                public async Task Process(OrderPlaced message)
                {
                    var s3 = {|#0:new AmazonS3Client()|};
                    await Task.CompletedTask;
                }

                public class Nested
                {
                    public void Run(string input)
                    {
                        var s3 = {|#1:new AmazonS3Client()|};
                    }
                }
            }

            public class OrderPlaced
            {
                public string Id { get; set; } = "";
            }
        }
        """;

    private const string SamTemplate = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Orders.Worker::Process   # the managed runtime's form
              Runtime: dotnet8
        """;

    [Fact]
    public Task SamYamlHandler_IsAnEntryPoint() => VerifyAsync(("/src/template.yaml", SamTemplate), 0);

    [Fact]
    public Task ServerlessTemplateJsonHandler_IsAnEntryPoint() => VerifyAsync(("/src/serverless.template", """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Transform": "AWS::Serverless-2016-10-31",
          "Resources": {
            "OrdersFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": { "Handler": "TestProject::Orders.Worker::Process", "Runtime": "dotnet8" }
            }
          }
        }
        """), 0);

    [Fact]
    public Task ToolsDefaultsHandler_IsAnEntryPoint() => VerifyAsync(("/src/aws-lambda-tools-defaults.json", """
        {
          // written by the Lambda project template
          "profile": "default",
          "function-handler": "TestProject::Orders.Worker+Nested::Run",
          "function-runtime": "dotnet8",
        }
        """), 1);

    [Fact]
    public Task GlobalsHandler_AppliesToTheFunction() => VerifyAsync(("/src/template.yml", """
        Globals:
          Function:
            Handler: TestProject::Orders.Worker::Process
        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: dotnet8
        """), 0);

    [Fact]
    public Task RenamedAssembly_StillMatchesByTypeAndMethod() => VerifyAsync(("/src/template.yaml", SamTemplate.Replace("TestProject::", "Orders.Lambda::")), 0);

    [Fact]
    public Task HandlerOfAnotherType_IsNotAnEntryPoint() => VerifyAsync(("/src/template.yaml", SamTemplate.Replace("Orders.Worker::Process", "Orders.Other::Process")));

    [Fact]
    public Task FileWithAnotherName_IsNotRead() => VerifyAsync(("/src/deploy.yaml", SamTemplate));

    [Fact]
    public Task FileNamedByTheProject_IsRead() => VerifyAsync(
        ("/src/deploy/app.yaml", SamTemplate),
        "[/src/deploy/app.yaml]\nbuild_metadata.AdditionalFiles.LambdaBestPracticesDeploymentFile = Detect\n",
        globalConfig: null,
        0);

    [Fact]
    public Task SwitchedOff_NoFileIsRead() => VerifyAsync(
        ("/src/template.yaml", SamTemplate),
        editorConfig: null,
        globalConfig: "is_global = true\nbuild_property.LambdaBestPracticesDeploymentFiles = false\n");

    [Theory]
    [InlineData("Resources:\n  OrdersFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: 'TestProject::Orders.Worker::Process\n")]
    [InlineData("Resources: [\n")]
    [InlineData("\t- :\n::: !Ref\n")]
    [InlineData("")]
    [InlineData("Resources:\n  OrdersFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: [TestProject::Orders.Worker::Process]\n")]
    [InlineData("Resources:\n  OrdersFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: not a handler\n")]
    public Task BrokenOrPartialFile_FallsBackToTheCode(string template) => VerifyAsync(("/src/template.yaml", template));

    private static Task VerifyAsync((string Path, string Text) file, params int[] expected) => VerifyAsync(file, null, null, expected);

    private static async Task VerifyAsync((string Path, string Text) file, string? editorConfig, string? globalConfig, params int[] expected)
    {
        var test = new Verify.Test { TestCode = Source };
        test.TestState.AdditionalFiles.Add(file);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n" + editorConfig));
        }

        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        foreach (var location in expected)
        {
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP101_CreateSdkClientsOnce).WithLocation(location).WithArguments("AmazonS3Client"));
        }

        await test.RunAsync();
    }
}
