using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LambdaBestPractices.Analyzers.Rules.LBP302DontHardCodeCredentialsRule,
    LambdaBestPractices.Analyzers.CodeFixes.LBP302DontHardCodeCredentialsCodeFixProvider>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

/// <summary>The keys below are AWS's documented example keys or made up; none is a real credential.</summary>
public class LBP302DontHardCodeCredentialsCodeFixProviderTests
{
    private const string Usings = """
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.Runtime;
        using Amazon.S3;
        using Amazon.SQS;

        """;

    private static Task VerifyFixAsync(string source, string fixedSource) =>
        Verify.VerifyCodeFixAsync(Usings + source, Usings + fixedSource, LBP302DontHardCodeCredentialsCodeFixProvider.RemoveCredentialsKey);

    [Fact]
    public Task CredentialsArgument_IsRemoved() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client({|LBP302:new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")|}, RegionEndpoint.USEast1);
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient({|LBP302:new SessionAWSCredentials("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "session-token")|});

            public void Handle(string input, ILambdaContext context) { }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client(RegionEndpoint.USEast1);
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task AccessKeyArguments_AreRemoved() => VerifyFixAsync("""
        public class Function
        {
            private static readonly AmazonS3Client S3 = {|LBP302:new AmazonS3Client("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")|};
            private static readonly AmazonS3Client EuS3 = {|LBP302:new AmazonS3Client(
                "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "session-token",
                RegionEndpoint.EUWest1)|};
            private static readonly AmazonSQSClient Sqs = {|LBP302:new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", new AmazonSQSConfig { MaxErrorRetry = 2 })|};

            public void Handle(string input, ILambdaContext context) { }
        }
        """, """
        public class Function
        {
            private static readonly AmazonS3Client S3 = new AmazonS3Client();
            private static readonly AmazonS3Client EuS3 = new AmazonS3Client(
                RegionEndpoint.EUWest1);
            private static readonly AmazonSQSClient Sqs = new(new AmazonSQSConfig { MaxErrorRetry = 2 });

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task CommentsOnRemovedArguments_AreKept() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client(
                {|LBP302:new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")|}, // the partner's keys
                RegionEndpoint.USEast1);

            public void Handle(string input, ILambdaContext context) { }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client(
                // the partner's keys
                RegionEndpoint.USEast1);

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task CredentialsKeptInALocalOrAKeyShapedLiteral_OfferNoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                var credentials = {|LBP302:new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")|};
                var s3 = new AmazonS3Client(credentials);
                var profile = {|LBP302:"aws_access_key_id = AKIAIOSFODNN7EXAMPLE"|};
            }
        }
        """);

    [Fact]
    public Task NamedArguments_OfferNoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            private static readonly AmazonS3Client S3 = {|LBP302:new AmazonS3Client(awsAccessKeyId: "AKIAIOSFODNN7EXAMPLE", awsSecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: RegionEndpoint.USEast1)|};

            public void Handle(string input, ILambdaContext context) { }
        }
        """);
}
