package io.perfgate.maven;

import io.perfgate.core.certificate.CertificateException;
import io.perfgate.core.certificate.CertificateVerifier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * Recomputes the SHA-256 digest of every file the compliance certificate lists (results, baselines, waivers) and
 * fails naming each file that changed or is missing since {@code perfgate:check} issued it.
 */
@Mojo(name = "verify-certificate", threadSafe = true)
public class VerifyCertificateMojo extends AbstractPerfgateMojo {

    /** The certificate to verify. */
    @Parameter(property = "perfgate.certificate", defaultValue = "${project.build.directory}/perfgate/certificate.json")
    private File certificate;

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        CertificateVerifier.Verification verification;
        try {
            verification = CertificateVerifier.verify(certificate.toPath(), project().getBasedir().toPath());
        } catch (CertificateException e) {
            throw new MojoExecutionException("perfgate: " + e.getMessage(), e);
        }
        if (!verification.intact()) {
            StringBuilder message = new StringBuilder("perfgate: the certificate " + certificate + " no longer matches "
                    + verification.problems().size() + " of its " + verification.checked() + " files:");
            verification.problems().forEach(problem -> message.append(System.lineSeparator()).append("  ").append(problem));
            message.append(System.lineSeparator()).append("Run mvn verify again to judge the current files and issue"
                    + " a new certificate.");
            throw new MojoFailureException(message.toString());
        }
        getLog().info("perfgate: certificate verified: " + verification.checked() + " files match their SHA-256"
                + " digests (certificate status " + verification.status() + ")");
    }
}
