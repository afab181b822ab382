import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Changes one digit of the first result file, as someone editing a measurement after the fact would. */
public class Tamper {
    public static void main(String[] args) throws Exception {
        Path file;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            file = files.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 2; i < bytes.length; i++) {
            if (bytes[i] >= '0' && bytes[i] <= '9') {
                bytes[i] = (byte) (bytes[i] == '9' ? '8' : bytes[i] + 1);
                break;
            }
        }
        Files.write(file, bytes);
        System.out.println("TAMPERED " + args[0] + "/" + file.getFileName());
    }
}
