package io.remoteappmanager.manager;

import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.ImageNotFoundException;
import io.remoteappmanager.runtime.RuntimeFault;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Creates a container with its image made present as the spec's imagePullPolicy says (kubelet's
 * semantics). IfNotPresent and Never learn that the image is absent from the create call itself (the
 * engine answers "no such image"), so a create of a present image costs one API call, not two.
 */
@ApplicationScoped
public class ImagePuller {

    private static final Logger LOG = Logger.getLogger(ImagePuller.class);

    private final ContainerRuntime runtime;

    public ImagePuller(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Creates the container and returns its id: pulls first under Always, pulls and creates again when
     * the image is absent under IfNotPresent; throws {@link StartFailedException} naming the image when it
     * is absent under Never or cannot be pulled.
     */
    public String create(ContainerRequest request, PullPolicy policy) {
        String image = request.image();
        if (policy == PullPolicy.Always) {
            pull(image);
        }
        try {
            return runtime.create(request);
        } catch (ImageNotFoundException e) {
            if (policy != PullPolicy.IfNotPresent) {
                throw new StartFailedException("image " + image + " is not present and imagePullPolicy is " + policy, e);
            }
            pull(image);
            return runtime.create(request);
        }
    }

    private void pull(String image) {
        LOG.infof("pulling image %s", image);
        try {
            runtime.pull(image);
        } catch (RuntimeFault e) {
            throw new StartFailedException("pulling image " + image + " failed: " + e.getMessage(), e);
        }
    }
}
