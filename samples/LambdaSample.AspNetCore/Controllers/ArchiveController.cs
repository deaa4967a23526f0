using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Mvc;

namespace LambdaSample.AspNetCore.Controllers;

/// <summary>
/// A controller of an ASP.NET Core application on Lambda: created per request, its actions run on the invocation path.
/// </summary>
[ApiController]
[Route("archive")]
public class ArchiveController : ControllerBase
{
    private readonly IAmazonS3 _s3;

    /// <summary>Compliant: the shared client, from the container.</summary>
    public ArchiveController(IAmazonS3 s3) => _s3 = s3;

    [HttpGet("{key}")]
    public async Task<IActionResult> Get(string key)
    {
        var metadata = await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Environment.GetEnvironmentVariable("ARCHIVE_BUCKET") ?? "archive", Key = key });
        return Ok(metadata.ContentLength);
    }

    [HttpPost("{key}")]
    public async Task<IActionResult> Restore(string key)
    {
        // Non-compliant: a client per request.
        var s3 = new AmazonS3Client(); // LBP101
        await s3.RestoreObjectAsync(new RestoreObjectRequest { BucketName = Environment.GetEnvironmentVariable("ARCHIVE_BUCKET") ?? "archive", Key = key });
        return Accepted();
    }
}
