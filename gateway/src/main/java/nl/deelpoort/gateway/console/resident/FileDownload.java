package nl.deelpoort.gateway.console.resident;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.View;

/**
 * A file answered in place of a page, for a form whose answer is either a download or the form again
 * with its errors: both are a {@link org.springframework.web.servlet.ModelAndView}.
 */
record FileDownload(byte[] bytes, String contentType, String fileName) implements View {

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setContentType(contentType);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
