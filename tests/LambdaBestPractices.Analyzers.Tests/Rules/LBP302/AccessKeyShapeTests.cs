using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Rules;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

/// <summary>LBP302's access key ID shape. The keys are AWS's documented example keys or made up.</summary>
public class AccessKeyShapeTests
{
    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("ASIAIOSFODNN7EXAMPLE")]
    [InlineData("key=AKIAIOSFODNN7EXAMPLE;")]
    [InlineData("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n")]
    [InlineData("xAKIAIOSFODNN7EXAMPLEy")]
    public void ContainsAccessKeyId_True(string text) => Assert.True(AccessKeyShape.ContainsAccessKeyId(text));

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPL")]
    [InlineData("AKIAIOSFODNN7EXAMPLE1")]
    [InlineData("XAKIAIOSFODNN7EXAMPLE")]
    [InlineData("akiaiosfodnn7example")]
    [InlineData("AKIAiosfodnn7EXAMPLE")]
    [InlineData("AIDAIOSFODNN7EXAMPLE")]
    [InlineData("AKIA")]
    [InlineData("")]
    [InlineData(null)]
    public void ContainsAccessKeyId_False(string? text) => Assert.False(AccessKeyShape.ContainsAccessKeyId(text));

    [Theory]
    [InlineData("test", true)]
    [InlineData("fakeMyKeyId", true)]
    [InlineData("local-access-key-id", true)]
    [InlineData("", true)]
    [InlineData("AKIAIOSFODNN7EXAMPLE", false)]
    [InlineData("ANYSIXTEENCHARS1", false)]
    public void IsPlaceholderKeyId(string value, bool expected) => Assert.Equal(expected, AccessKeyShape.IsPlaceholderKeyId(value));
}
